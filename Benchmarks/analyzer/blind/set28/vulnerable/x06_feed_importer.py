"""Celery tasks that import partner product feeds."""
import logging
import os
import sqlite3
from decimal import Decimal, InvalidOperation

from celery import Celery
from lxml import etree

app = Celery("feeds", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
logger = logging.getLogger("feeds.import")

CATALOG_DB = os.environ.get("CATALOG_DB", "/var/lib/catalog/catalog.db")
FEED_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)

UPSERT_SQL = (
    "INSERT INTO products (partner_id, sku, name, price) VALUES (?, ?, ?, ?) "
    "ON CONFLICT(partner_id, sku) DO UPDATE SET name = excluded.name, price = excluded.price"
)


def parse_feed(document: bytes):
    return etree.fromstring(document, parser=FEED_PARSER)  # VULN flow


def _price(text: str | None) -> Decimal | None:
    try:
        value = Decimal((text or "").strip()).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    return value if value >= 0 else None


def extract_products(root) -> list[tuple[str, str, str]]:
    products = []
    for node in root.iterfind("product"):
        sku = (node.findtext("sku") or "").strip()
        name = (node.findtext("name") or "").strip()
        price = _price(node.findtext("price"))
        if sku and name and price is not None:
            products.append((sku[:64], name[:255], str(price)))
    return products


@app.task(bind=True, max_retries=3, default_retry_delay=60)
def import_feed(self, partner_id: int, document: str) -> int:
    try:
        root = parse_feed(document.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        logger.warning("partner %d sent malformed feed: %r", partner_id, exc.msg)
        return 0
    products = extract_products(root)
    try:
        with sqlite3.connect(CATALOG_DB) as conn:
            conn.executemany(UPSERT_SQL, [(partner_id, *product) for product in products])
    except sqlite3.OperationalError as exc:
        raise self.retry(exc=exc)
    logger.info("partner %d imported %d products", partner_id, len(products))
    return len(products)
