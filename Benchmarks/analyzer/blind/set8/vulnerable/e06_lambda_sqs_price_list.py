"""Lambda handler: ingest supplier price-list XML delivered through SQS."""
import json
import logging
import os
from decimal import Decimal

import boto3
from lxml import etree

logger = logging.getLogger()
logger.setLevel(logging.INFO)

dynamodb = boto3.resource("dynamodb")
TABLE = dynamodb.Table(os.environ.get("PRICE_TABLE", "supplier-prices"))

# Suppliers reference shared entity definitions for currency symbols.
PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True)


def parse_price_list(document: bytes):
    root = etree.fromstring(document, PARSER)  # VULN flow
    supplier = root.findtext("supplier")
    for item in root.iterfind("items/item"):
        yield {
            "supplier": supplier,
            "sku": item.get("sku"),
            "price": Decimal(item.findtext("price", "0")),
            "currency": item.findtext("currency", "EUR"),
            "description": item.findtext("description", ""),
        }


def handler(event, context):
    processed, failures = 0, []
    for record in event.get("Records", []):
        message_id = record["messageId"]
        try:
            body = json.loads(record["body"])
            xml_payload = body["document"].encode("utf-8")
            with TABLE.batch_writer() as batch:
                for row in parse_price_list(xml_payload):
                    batch.put_item(Item=row)
                    processed += 1
        except (etree.XMLSyntaxError, KeyError, ValueError):
            logger.exception("rejecting message %s", message_id)
            failures.append({"itemIdentifier": message_id})

    logger.info("processed %d price rows, %d failures", processed, len(failures))
    return {"batchItemFailures": failures}
