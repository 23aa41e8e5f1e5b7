"""SQS worker that parses supplier invoices (UBL XML) and forwards totals."""
import json
import logging
import os

import boto3
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

logger = logging.getLogger("invoice-worker")

QUEUE_URL = os.environ["INVOICE_QUEUE_URL"]
LEDGER_TOPIC_ARN = os.environ["LEDGER_TOPIC_ARN"]
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}

sqs = boto3.client("sqs")
sns = boto3.client("sns")


def extract_invoice(body: str) -> dict:
    root = SafeET.fromstring(body)
    return {
        "invoice_id": root.findtext("cbc:ID", namespaces=NS),
        "issue_date": root.findtext("cbc:IssueDate", namespaces=NS),
        "supplier": root.findtext(
            "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name", namespaces=NS
        ),
        "total": root.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS),
    }


def poll_once() -> int:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    handled = 0
    for msg in resp.get("Messages", []):
        try:
            invoice = extract_invoice(msg["Body"])
        except (SafeET.ParseError, DefusedXmlException):
            logger.warning("discarding unparseable invoice %s", msg["MessageId"])
        else:
            sns.publish(TopicArn=LEDGER_TOPIC_ARN, Message=json.dumps(invoice))
            handled += 1
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])
    return handled


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    logger.info("polling %s", QUEUE_URL)
    while True:
        count = poll_once()
        if count:
            logger.info("forwarded %d invoices", count)


if __name__ == "__main__":
    main()
