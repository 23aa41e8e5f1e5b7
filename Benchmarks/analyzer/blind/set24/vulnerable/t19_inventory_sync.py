"""Periodic worker that mirrors supplier stock levels into the local database."""
import logging
import os
import sqlite3
import time

import requests

log = logging.getLogger("inventory.sync")
SUPPLIER_API = os.environ.get("SUPPLIER_API", "https://erp.supplier-portal.example/api/v1")
POLL_INTERVAL = 300
PAGE_SIZE = 200


class SupplierClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"

    def stock_page(self, page: int) -> dict:
        url = f"{self.base_url}/stock"
        resp = self.session.get(url, params={"page": page, "size": PAGE_SIZE}, timeout=20, verify=False)  # VULN
        resp.raise_for_status()
        return resp.json()

    def all_stock(self):
        page = 1
        while True:
            data = self.stock_page(page)
            yield from data.get("items", [])
            if not data.get("next_page"):
                return
            page = data["next_page"]


def apply_levels(conn: sqlite3.Connection, items) -> int:
    count = 0
    for item in items:
        conn.execute(
            "UPDATE products SET supplier_stock = ?, synced_at = strftime('%s','now') WHERE supplier_sku = ?",
            (int(item["quantity"]), str(item["sku"])),
        )
        count += 1
    conn.commit()
    return count


def run_forever(db_path: str):
    client = SupplierClient(SUPPLIER_API, os.environ["SUPPLIER_TOKEN"])
    conn = sqlite3.connect(db_path)
    while True:
        started = time.monotonic()
        try:
            updated = apply_levels(conn, client.all_stock())
            log.info("synced %d products in %.1fs", updated, time.monotonic() - started)
        except (requests.RequestException, ValueError, KeyError):
            log.exception("inventory sync failed")
        time.sleep(POLL_INTERVAL)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_forever(os.environ.get("INVENTORY_DB", "inventory.db"))
