"""SQS consumer for inbound e-invoices (UBL 2.1) received via the Peppol access point."""
import io
import json
import logging
import os
import xml.sax
from decimal import Decimal
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import boto3

log = logging.getLogger("peppol.inbound")

QUEUE_URL = os.environ["PEPPOL_INBOUND_QUEUE_URL"]
sqs = boto3.client("sqs")

CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
WANTED = {"ID", "IssueDate", "DueDate", "DocumentCurrencyCode", "PayableAmount", "Note"}


class UBLInvoiceHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.invoice = {}
        self._current = None
        self._buf = []

    def startElementNS(self, name, qname, attrs):
        uri, local = name
        if uri == CBC and local in WANTED and local not in self.invoice:
            self._current = local
            self._buf = []

    def characters(self, content):
        if self._current:
            self._buf.append(content)

    def endElementNS(self, name, qname):
        if self._current and name[1] == self._current:
            self.invoice[self._current] = "".join(self._buf).strip()
            self._current = None


def parse_ubl(payload: bytes) -> dict:
    handler = UBLInvoiceHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))  # VULN flow
    return handler.invoice


def handle_message(msg: dict) -> dict:
    envelope = json.loads(msg["Body"])
    invoice = parse_ubl(envelope["document"].encode("utf-8"))
    invoice["PayableAmount"] = str(Decimal(invoice.get("PayableAmount", "0")))
    invoice["sender"] = envelope.get("sender_id")
    return invoice


def poll_once(store) -> int:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    handled = 0
    for msg in resp.get("Messages", []):
        try:
            store(handle_message(msg))
        except Exception:
            log.exception("could not process inbound document %s", msg.get("MessageId"))
            continue
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])
        handled += 1
    return handled
