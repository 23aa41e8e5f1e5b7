"""Push warehouse stock levels to the wholesale partner API."""
import csv
import logging
import os
from pathlib import Path
from urllib.parse import quote

import requests
import typer

app = typer.Typer(help="Partner inventory sync")
log = logging.getLogger("partner_sync")

PARTNER_API = "https://api.wholesale-partner.example/v2"
PARTNER_API_KEY = os.environ.get("PARTNER_API_KEY", "")
REQUEST_TIMEOUT = 15


class PartnerClient:
    def __init__(self, base_url, api_key):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})
        self.session.verify = os.environ.get("PARTNER_CA_BUNDLE") or True

    def push_stock(self, sku, quantity):
        url = f"{self.base_url}/stock/{quote(sku, safe='')}"
        resp = self.session.put(url, json={"quantity": quantity}, timeout=REQUEST_TIMEOUT)
        resp.raise_for_status()
        return resp.json()

    def get_stock(self, sku):
        url = f"{self.base_url}/stock/{quote(sku, safe='')}"
        resp = self.session.get(url, timeout=REQUEST_TIMEOUT)
        resp.raise_for_status()
        return resp.json()


def partner_client():
    if not PARTNER_API_KEY:
        raise typer.BadParameter("PARTNER_API_KEY is not set")
    return PartnerClient(PARTNER_API, PARTNER_API_KEY)


def read_stock_file(path: Path):
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["sku"].strip(), int(row["on_hand"])


@app.command()
def push(
    stock_file: Path = typer.Argument(..., exists=True, readable=True),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    client = partner_client()
    pushed = 0
    for sku, quantity in read_stock_file(stock_file):
        if dry_run:
            typer.echo(f"would push {sku}={quantity}")
            continue
        client.push_stock(sku, max(quantity, 0))
        pushed += 1
    log.info("pushed %d SKUs from %r", pushed, str(stock_file))
    typer.echo(f"pushed {pushed} SKUs")


@app.command()
def status(sku: str):
    typer.echo(partner_client().get_stock(sku))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
