"""Ingests partner e-invoices (UBL XML) from Kafka into the billing database."""
import logging
import os
from decimal import Decimal

import psycopg2
from kafka import KafkaConsumer
from lxml import etree

log = logging.getLogger("invoice-ingest")

TOPIC = "partner.invoices.xml"
NS = {
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


def make_parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=True)


class InvoiceParser:
    def __init__(self):
        self.parser = make_parser()

    def parse(self, payload: bytes) -> dict:
        root = etree.fromstring(payload, self.parser)
        text = lambda xp: (root.findtext(xp, namespaces=NS) or "").strip()
        return {
            "number": text("cbc:ID"),
            "issued": text("cbc:IssueDate"),
            "supplier": text("cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name"),
            "currency": text("cbc:DocumentCurrencyCode"),
            "total": Decimal(text("cac:LegalMonetaryTotal/cbc:PayableAmount") or "0"),
            "note": text("cbc:Note"),
        }


def store_invoice(conn, partner_id: str, inv: dict) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO partner_invoices (partner_id, number, issued, supplier, currency, total, note) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (partner_id, number) DO NOTHING",
            (partner_id, inv["number"], inv["issued"], inv["supplier"], inv["currency"], inv["total"], inv["note"]),
        )
    conn.commit()


def main():
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092").split(","),
        group_id="invoice-ingest",
        enable_auto_commit=False,
    )
    conn = psycopg2.connect(os.environ["BILLING_DSN"])
    parser = InvoiceParser()
    for record in consumer:
        partner_id = (record.key or b"unknown").decode("utf-8", "replace")
        try:
            invoice = parser.parse(record.value)
            store_invoice(conn, partner_id, invoice)
        except (etree.XMLSyntaxError, ArithmeticError) as exc:
            log.error("bad invoice from %r at offset %d: %s", partner_id, record.offset, type(exc).__name__)
            conn.rollback()
        consumer.commit()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
