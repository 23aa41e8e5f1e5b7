"""Lambda that pulls a supplier's stock feed and updates the spare-parts inventory table."""
import json
import logging
import os

import boto3
import requests

logger = logging.getLogger()
logger.setLevel(logging.INFO)

TABLE = boto3.resource("dynamodb").Table(os.environ["INVENTORY_TABLE"])

session = requests.Session()
session.headers["User-Agent"] = "parts-inventory-sync/2.3"
session.verify = False  # VULN


def respond(status, payload):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(payload)}


def fetch_feed(feed_url):
    resp = session.get(feed_url, timeout=15)  # VULN flow
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

    try:
        feed = fetch_feed(feed_url)
    except (requests.RequestException, ValueError):
        logger.exception("feed download failed for supplier %r", supplier_id)
        return respond(502, {"error": "could not download supplier feed"})

    count = apply_feed(supplier_id, feed)
    logger.info("supplier %r sync updated %d parts", supplier_id, count)
    return respond(200, {"supplier_id": supplier_id, "updated": count})
