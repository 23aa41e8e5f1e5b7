"""Lambda that syncs the partner supplier catalog into DynamoDB every hour."""
import json
import logging
import os
from decimal import Decimal

import boto3
import requests

log = logging.getLogger()
log.setLevel(logging.INFO)

VENDOR_API = "https://catalog.partner-supply.example/api/v2"
VENDOR_CA_BUNDLE = "/opt/certs/partner-supply-ca.pem"
TABLE_NAME = os.environ["CATALOG_TABLE"]
SECRET_ARN = os.environ["VENDOR_SECRET_ARN"]

secrets_client = boto3.client("secretsmanager")
dynamodb = boto3.resource("dynamodb")


def api_key():
    secret = secrets_client.get_secret_value(SecretId=SECRET_ARN)
    return json.loads(secret["SecretString"])["api_key"]


def fetch_page(session, cursor=None):
    params = {"limit": 200}
    if cursor:
        params["cursor"] = cursor
    resp = session.get(f"{VENDOR_API}/products", params=params, timeout=15, verify=VENDOR_CA_BUNDLE)
    resp.raise_for_status()
    return resp.json()


def to_item(product):
    return {
        "sku": product["sku"],
        "name": product["name"][:200],
        "price": Decimal(str(product["price"])),
        "currency": product.get("currency", "EUR"),
        "stock": int(product.get("stock", 0)),
        "updated_at": product["updated_at"],
    }


def handler(event, context):
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {api_key()}", "Accept": "application/json"})
    table = dynamodb.Table(TABLE_NAME)
    cursor = event.get("cursor")
    synced = 0
    with table.batch_writer(overwrite_by_pkeys=["sku"]) as batch:
        while True:
            page = fetch_page(session, cursor)
            for product in page.get("items", []):
                batch.put_item(Item=to_item(product))
                synced += 1
            cursor = page.get("next_cursor")
            if not cursor or context.get_remaining_time_in_millis() < 20_000:
                break
    log.info("synced %d products, next cursor present: %s", synced, bool(cursor))
    return {"statusCode": 200, "body": json.dumps({"synced": synced, "cursor": cursor})}
