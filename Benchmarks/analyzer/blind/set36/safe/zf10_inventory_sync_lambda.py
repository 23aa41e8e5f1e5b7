"""Lambda that pulls a supplier's stock feed and updates the spare-parts inventory table."""
import json
import logging
import os
from urllib.parse import urlsplit

import boto3
import requests

logger = logging.getLogger()
logger.setLevel(logging.INFO)

TABLE = boto3.resource("dynamodb").Table(os.environ["INVENTORY_TABLE"])
SUPPLIER_FEED_HOSTS = {
    "acme-castings": "feeds.acmecastings.com",
    "nordbolt": "api.nordbolt.de",
    "precision-seals": "stock.precisionseals.co.uk",
}

session = requests.Session()
session.headers["User-Agent"] = "parts-inventory-sync/2.3"
session.verify = os.environ.get("SUPPLIER_CA_BUNDLE") or True


def respond(status, payload):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(payload)}


def feed_url_allowed(supplier_id, feed_url):
    try:
        parts = urlsplit(str(feed_url))
        port = parts.port
    except ValueError:
        return False
    expected_host = SUPPLIER_FEED_HOSTS.get(str(supplier_id))
    return expected_host is not None and parts.scheme == "https" and port in (None, 443) and parts.hostname == expected_host


def fetch_feed(feed_url):
    resp = session.get(feed_url, timeout=15, allow_redirects=False)
    resp.raise_for_status()
    return resp.json()


def apply_feed(supplier_id, feed):
    updated = 0
    with TABLE.batch_writer() as batch:
        for item in feed.get("items", []):
            batch.put_item(
                Item={
                    "supplier_id": supplier_id,
                    "part_no": str(item["part_no"]),
                    "on_hand": int(item["on_hand"]),
                    "lead_time_days": int(item.get("lead_time_days", 0)),
                }
            )
            updated += 1
    return updated


def handler(event, context):
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return respond(400, {"error": "body must be JSON"})
    supplier_id = body.get("supplier_id")
    feed_url = body.get("feed_url")
    if not supplier_id or not feed_url:
        return respond(400, {"error": "supplier_id and feed_url are required"})
    if not feed_url_allowed(supplier_id, feed_url):
        return respond(400, {"error": "feed_url is not registered for this supplier"})

    try:
        feed = fetch_feed(feed_url)
    except (requests.RequestException, ValueError):
        logger.exception("feed download failed for supplier %r", supplier_id)
        return respond(502, {"error": "could not download supplier feed"})

    count = apply_feed(supplier_id, feed)
    logger.info("supplier %r sync updated %d parts", supplier_id, count)
    return respond(200, {"supplier_id": supplier_id, "updated": count})
