"""Imports the veterinary pharmacy wholesaler's XML price feed into the
clinic's drug formulary.

    python pharmacy_feed_import.py import-feed https://feeds.wholesaler.example/vet.xml
"""
import io
import logging
import sqlite3
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_external_pes

import requests
import typer

log = logging.getLogger("feed_import")
cli = typer.Typer(help="Pharmacy price-feed tools")


class FormularyHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.products = []
        self._current = None
        self._field = None
        self._buffer = []

    def startElement(self, name, attrs):
        if name == "product":
            self._current = {"sku": attrs.get("sku")}
        elif self._current is not None and name in ("name", "pack", "price", "schedule"):
            self._field = name
            self._buffer = []

    def characters(self, content):
        if self._field:
            self._buffer.append(content)

    def endElement(self, name):
        if name == self._field:
            self._current[name] = "".join(self._buffer).strip()
            self._field = None
        elif name == "product" and self._current:
            self.products.append(self._current)
            self._current = None


def make_parser(handler: ContentHandler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setFeature(feature_external_pes, True)
    parser.setContentHandler(handler)
    return parser


def fetch_feed(source: str) -> bytes:
    if source.startswith(("http://", "https://")):
        resp = requests.get(source, timeout=30)
        resp.raise_for_status()
        return resp.content
    with open(source, "rb") as fh:
        return fh.read()


@cli.command("import-feed")
def import_feed(source: str, db: str = "formulary.db", dry_run: bool = False):
    """Parse SOURCE (URL or file) and upsert prices into the formulary."""
    logging.basicConfig(level=logging.INFO)
    handler = FormularyHandler()
    parser = make_parser(handler)
    document = io.BytesIO(fetch_feed(source))
    parser.parse(document)  # VULN flow
    log.info("parsed %d products", len(handler.products))
    if dry_run:
        for product in handler.products[:20]:
            typer.echo(f"{product.get('sku')}: {product.get('name')} @ {product.get('price')}")
        return
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO formulary (sku, name, pack, price, schedule) VALUES (:sku, :name, :pack, :price, :schedule) "
            "ON CONFLICT(sku) DO UPDATE SET price = excluded.price, pack = excluded.pack",
            [{"pack": None, "schedule": None, "price": None, "name": None, **p} for p in handler.products],
        )
    typer.echo(f"updated {len(handler.products)} products")


if __name__ == "__main__":
    cli()
