"""Import supplier invoices dropped into the EDI inbox."""
import logging
import os
import shutil
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import List

from lxml import etree

log = logging.getLogger("edi.invoices")

INBOX = os.environ.get("EDI_INBOX", "/srv/edi/inbox")
DONE = os.environ.get("EDI_DONE", "/srv/edi/processed")
FAILED = os.environ.get("EDI_FAILED", "/srv/edi/failed")
NS = {"inv": "urn:example:invoice:2"}


@dataclass
class InvoiceLine:
    sku: str
    quantity: int
    unit_price: Decimal


@dataclass
class Invoice:
    number: str
    supplier: str
    currency: str
    lines: List[InvoiceLine] = field(default_factory=list)

    @property
    def total(self):
        return sum((line.unit_price * line.quantity for line in self.lines), Decimal("0"))


def parse_invoice(payload: bytes) -> Invoice:
    root = etree.fromstring(payload, etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
    invoice = Invoice(
        number=root.findtext("inv:Number", namespaces=NS),
        supplier=root.findtext("inv:Supplier/inv:Name", namespaces=NS),
        currency=root.get("currency", "EUR"),
    )
    for node in root.iterfind("inv:Lines/inv:Line", namespaces=NS):
        invoice.lines.append(
            InvoiceLine(
                sku=node.findtext("inv:Sku", namespaces=NS),
                quantity=int(node.findtext("inv:Qty", namespaces=NS)),
                unit_price=Decimal(node.findtext("inv:UnitPrice", namespaces=NS)),
            )
        )
    return invoice


def process_inbox():
    processed = 0
    for name in sorted(os.listdir(INBOX)):
        if not name.endswith(".xml"):
            continue
        path = os.path.join(INBOX, name)
        with open(path, "rb") as fh:
            payload = fh.read()
        try:
            invoice = parse_invoice(payload)
        except (etree.XMLSyntaxError, InvalidOperation, ValueError, TypeError) as exc:
            log.warning("rejecting %r: %s", name, type(exc).__name__)
            shutil.move(path, os.path.join(FAILED, name))
            continue
        log.info(
            "invoice %r from %r: %d lines, total %s %r",
            invoice.number, invoice.supplier, len(invoice.lines), invoice.total, invoice.currency,
        )
        shutil.move(path, os.path.join(DONE, name))
        processed += 1
    return processed


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    process_inbox()
