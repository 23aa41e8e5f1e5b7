"""Celery pipeline that imports supplier product feeds dropped into the inbound bucket."""
import logging
import os
import xml.sax
from decimal import Decimal, InvalidOperation
from xml.sax.handler import feature_external_ges, feature_namespaces

import boto3
import psycopg2
from celery import Celery
from psycopg2.extras import execute_values

app = Celery("feeds", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/3"))
log = logging.getLogger(__name__)
s3 = boto3.client("s3")
DSN = os.environ["CATALOG_DSN"]


class ProductHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.products = []
        self._current = None
        self._field = None
        self._buffer = []

    def startElement(self, name, attrs):
        if name == "product":
            self._current = {"sku": attrs.get("sku", ""), "currency": "EUR"}
        elif self._current is not None and name in ("name", "price", "stock"):
            self._field, self._buffer = name, []
            if name == "price":
                self._current["currency"] = attrs.get("currency", "EUR")

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


def parse_feed(stream):
    handler = ProductHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)  # VULN flow
    return handler.products


def to_row(supplier, product):
    try:
        price = Decimal(product.get("price", ""))
    except InvalidOperation:
        return None
    return (supplier, product["sku"], product.get("name", "")[:255], price, product["currency"], int(product.get("stock") or 0))


@app.task(bind=True, max_retries=3, default_retry_delay=60)
def import_supplier_feed(self, bucket, key):
    supplier = key.split("/")[1]
    body = s3.get_object(Bucket=bucket, Key=key)["Body"]
    products = parse_feed(body)
    rows = [r for r in (to_row(supplier, p) for p in products if p.get("sku")) if r]
    with psycopg2.connect(DSN, connect_timeout=5) as conn, conn.cursor() as cur:
        execute_values(
            cur,
            "INSERT INTO supplier_products (supplier, sku, name, price, currency, stock) VALUES %s "
            "ON CONFLICT (supplier, sku) DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price, "
            "currency = EXCLUDED.currency, stock = EXCLUDED.stock",
            rows,
        )
    log.info("imported %d products for supplier %r", len(rows), supplier)
    return len(rows)
