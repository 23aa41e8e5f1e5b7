"""Sync the aftermarket supplier's catalogue bundle into the local parts DB.

    catalog-sync fetch --supplier partsplus --dest /srv/catalog
"""
import csv
import logging
import os
import sqlite3
import tarfile
import tempfile
from pathlib import Path

import requests
import typer

app = typer.Typer(help="Supplier catalogue tools")
log = logging.getLogger("catalog_sync")

SUPPLIERS = {
    "partsplus": "https://feeds.partsplus-distribution.com/catalog/latest.tar.gz",
    "brakeworld": "https://b2b.brakeworld.com/export/catalog.tgz",
}
DB_PATH = os.environ.get("PARTS_DB", "/var/lib/shopdesk/parts.db")


def download(url: str, target: Path) -> Path:
    with requests.get(url, timeout=60, stream=True) as resp:
        resp.raise_for_status()
        with target.open("wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 16):
                fh.write(chunk)
    return target


def unpack(bundle: Path, dest_dir: Path) -> list:
    dest_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bundle, "r:*") as tar:
        names = tar.getnames()
        tar.extractall(dest_dir)  # VULN flow
    return names


def load_prices(csv_path: Path, supplier: str) -> int:
    count = 0
    with sqlite3.connect(DB_PATH) as conn, csv_path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            conn.execute(
                "INSERT OR REPLACE INTO supplier_parts (supplier, sku, description, cost, stock)"
                " VALUES (?, ?, ?, ?, ?)",
                (supplier, row["sku"], row["description"], float(row["cost"]), int(row["stock"] or 0)),
            )
            count += 1
    return count


@app.command()
def fetch(
    supplier: str = typer.Option(..., help="supplier key"),
    dest: Path = typer.Option(Path("/srv/catalog"), help="where to unpack images and sheets"),
):
    """Download the supplier bundle, unpack it and import the price list."""
    logging.basicConfig(level=logging.INFO)
    if supplier not in SUPPLIERS:
        raise typer.BadParameter(f"unknown supplier, choose from {', '.join(SUPPLIERS)}")
    with tempfile.TemporaryDirectory() as tmp:
        bundle = download(SUPPLIERS[supplier], Path(tmp) / "bundle.tar.gz")
        names = unpack(bundle, dest / supplier)
    typer.echo(f"unpacked {len(names)} files into {dest / supplier}")
    prices = dest / supplier / "prices.csv"
    if prices.exists():
        typer.echo(f"imported {load_prices(prices, supplier)} price rows")


if __name__ == "__main__":
    app()
