"""Synchronise stock levels with the wholesale supplier's API."""
import json
import os
import sqlite3

import click
import requests

SUPPLIER_API = "https://b2b.supplier.example.net/api/v1"


def load_local_stock(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("SELECT sku, quantity FROM stock"))
    finally:
        conn.close()


def fetch_supplier_stock(token, skus):
    resp = requests.get(  # VULN
        f"{SUPPLIER_API}/stock",
        params={"sku": ",".join(sorted(skus))},
        headers={"Authorization": f"Token {token}"},
        verify=False,
        timeout=20,
    )
    resp.raise_for_status()
    return {item["sku"]: item["available"] for item in resp.json()["items"]}


def push_reorders(token, reorders):
    resp = requests.post(  # VULN
        f"{SUPPLIER_API}/reorders",
        data=json.dumps({"lines": reorders}),
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        verify=False,
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json().get("reference")


@click.command()
@click.option("--db", default="inventory.db", show_default=True)
@click.option("--threshold", default=10, show_default=True, help="Reorder below this level")
@click.option("--dry-run", is_flag=True)
def sync(db, threshold, dry_run):
    """Compare local stock with supplier availability and place reorders."""
    token = os.environ.get("SUPPLIER_TOKEN")
    if not token:
        raise click.ClickException("SUPPLIER_TOKEN is not set")
    local = load_local_stock(db)
    low = {sku: qty for sku, qty in local.items() if qty < threshold}
    if not low:
        click.echo("nothing to reorder")
        return
    available = fetch_supplier_stock(token, low)
    reorders = [
        {"sku": sku, "quantity": min(threshold * 2 - qty, available.get(sku, 0))}
        for sku, qty in low.items()
        if available.get(sku, 0) > 0
    ]
    for line in reorders:
        click.echo(f"{line['sku']}: +{line['quantity']}")
    if reorders and not dry_run:
        click.echo(f"reorder reference: {push_reorders(token, reorders)}")


if __name__ == "__main__":
    sync()
