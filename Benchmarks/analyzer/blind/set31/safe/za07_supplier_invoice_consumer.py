"""Lambda consumer that ingests supplier invoices delivered via SQS."""
import json
import logging
import os
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError

import boto3
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

logger = logging.getLogger()
logger.setLevel(logging.INFO)

dynamodb = boto3.resource("dynamodb")
table = dynamodb.Table(os.environ.get("INVOICE_TABLE", "supplier-invoices"))

NS = {"inv": "urn:example:supplier:invoice:1.0"}


def _line(node):
    return {
        "sku": node.findtext("inv:Sku", namespaces=NS),
        "quantity": int(node.findtext("inv:Quantity", "0", namespaces=NS)),
        "unit_price": Decimal(node.findtext("inv:UnitPrice", "0", namespaces=NS)),
    }


def parse_invoice(xml_bytes):
    root = fromstring(xml_bytes, forbid_dtd=True)
    lines = [_line(node) for node in root.findall("inv:Line", NS)]
    return {
        "invoice_id": root.findtext("inv:Id", namespaces=NS),
        "supplier": root.findtext("inv:Supplier", namespaces=NS),
        "currency": root.findtext("inv:Currency", "EUR", namespaces=NS),
        "lines": lines,
        "total": sum((l["unit_price"] * l["quantity"] for l in lines), Decimal("0")),
    }


def store(invoice, message_id):
    if not invoice["invoice_id"] or not invoice["supplier"]:
        raise ValueError("invoice id and supplier are required")
    table.put_item(
        Item={**invoice, "source_message": message_id},
        ConditionExpression="attribute_not_exists(invoice_id)",
    )


def handler(event, context):
    failures = []
    for record in event.get("Records", []):
        message_id = record["messageId"]
        try:
            message = json.loads(record["body"])
            invoice = parse_invoice(message["document"].encode("utf-8"))
            store(invoice, message_id)
            logger.info("stored invoice %r from message %r", invoice["invoice_id"], message_id)
        except (ParseError, DefusedXmlException, KeyError, ValueError, InvalidOperation) as exc:
            logger.warning("rejected message %r: %r", message_id, exc)
            failures.append({"itemIdentifier": message_id})
    return {"batchItemFailures": failures}
