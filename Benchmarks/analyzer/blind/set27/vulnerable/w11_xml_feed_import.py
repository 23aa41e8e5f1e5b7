"""Nightly import of supplier product feeds dropped on the SFTP landing zone."""
import logging
import shutil
import sqlite3
from pathlib import Path

from lxml import etree

log = logging.getLogger("feed_import")

LANDING = Path("/srv/sftp/suppliers")
PROCESSED = Path("/srv/sftp/processed")
DB_PATH = "/var/lib/catalog/catalog.db"


def parse_feed(data):
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)  # VULN
    root = etree.fromstring(data, parser)
    products = []
    for node in root.iterfind(".//product"):
        products.append(
            {
                "sku": node.findtext("sku", "").strip(),
                "name": node.findtext("name", "").strip(),
                "price": float(node.findtext("price", "0") or 0),
                "stock": int(node.findtext("stock", "0") or 0),
            }
        )
    return products


def upsert(conn, supplier, products):
    conn.executemany(
        "INSERT INTO products (supplier, sku, name, price, stock) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(supplier, sku) DO UPDATE SET name=excluded.name, "
        "price=excluded.price, stock=excluded.stock",
        [(supplier, p["sku"], p["name"], p["price"], p["stock"]) for p in products if p["sku"]],
    )
    conn.commit()


def run():
    conn = sqlite3.connect(DB_PATH)
    try:
        for feed in sorted(LANDING.glob("*/feed*.xml")):
            supplier = feed.parent.name
            try:
                products = parse_feed(feed.read_bytes())
            except (etree.XMLSyntaxError, ValueError) as exc:
                log.error("bad feed from %r: %s", supplier, type(exc).__name__)
                continue
            upsert(conn, supplier, products)
            dest = PROCESSED / supplier
            dest.mkdir(parents=True, exist_ok=True)
            shutil.move(str(feed), dest / feed.name)
            log.info("imported %d products from %r", len(products), supplier)
    finally:
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
