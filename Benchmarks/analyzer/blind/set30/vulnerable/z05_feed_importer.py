"""Celery tasks that ingest supplier product feeds uploaded through the partner portal."""
import logging
import os
from decimal import Decimal, InvalidOperation

import psycopg2
from celery import Celery
from lxml import etree

logger = logging.getLogger(__name__)

app = Celery("feeds", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))

UPLOAD_DIR = "/srv/partner-portal/feeds"
FEED_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


def _read_upload(upload_name):
    path = os.path.join(UPLOAD_DIR, os.path.basename(upload_name))
    with open(path, "rb") as fh:
        return fh.read()


def parse_products(payload):
    root = etree.fromstring(payload, FEED_PARSER)  # VULN flow
    for node in root.iterfind("product"):
        sku = (node.findtext("sku") or "").strip()
        name = (node.findtext("name") or "").strip()
        try:
            price = Decimal((node.findtext("price") or "").strip())
        except InvalidOperation:
            logger.warning("skipping product %r with unparsable price", sku)
            continue
        if sku and name and price >= 0:
            yield sku, name[:200], price


@app.task(
    bind=True,
    autoretry_for=(psycopg2.OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def import_feed(self, supplier_id, upload_name):
    payload = _read_upload(upload_name)
    count = 0
    with psycopg2.connect(os.environ["CATALOG_DSN"]) as conn, conn.cursor() as cur:
        for sku, name, price in parse_products(payload):
            cur.execute(
                "INSERT INTO supplier_products (supplier_id, sku, name, price) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (supplier_id, sku) "
                "DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price",
                (supplier_id, sku, name, price),
            )
            count += 1
    logger.info("imported %d products for supplier %s", count, supplier_id)
    return count
