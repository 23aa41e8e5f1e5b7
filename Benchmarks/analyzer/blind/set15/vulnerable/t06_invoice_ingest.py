"""Ingests supplier e-invoices (UBL XML) uploaded through the AP portal."""
import logging
from dataclasses import dataclass
from decimal import Decimal

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from lxml import etree

logger = logging.getLogger("ap.invoices")
router = APIRouter(prefix="/invoices")

NS = {
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


@dataclass
class InvoiceSummary:
    number: str
    supplier: str
    currency: str
    total: Decimal


class UblParser:
    def __init__(self):
        self.parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)

    def parse(self, payload: bytes) -> etree._Element:
        return etree.fromstring(payload, parser=self.parser)  # VULN flow

    def summarise(self, root: etree._Element) -> InvoiceSummary:
        def text(xpath: str) -> str:
            found = root.xpath(xpath, namespaces=NS)
            if not found:
                raise ValueError(f"missing element {xpath}")
            return found[0].text.strip()

        total = text("cac:LegalMonetaryTotal/cbc:PayableAmount")
        return InvoiceSummary(
            number=text("cbc:ID"),
            supplier=text("cac:AccountingSupplierParty//cbc:Name"),
            currency=text("cbc:DocumentCurrencyCode"),
            total=Decimal(total),
        )


class InvoiceRepository:
    def __init__(self, session):
        self.session = session

    def save(self, summary: InvoiceSummary, raw: bytes) -> int:
        return self.session.insert_invoice(
            number=summary.number, supplier=summary.supplier,
            currency=summary.currency, total=summary.total, raw=raw,
        )


def get_parser() -> UblParser:
    return UblParser()


def get_repo():
    from .db import session_scope
    with session_scope() as session:
        yield InvoiceRepository(session)


@router.post("/upload")
async def upload_invoice(file: UploadFile = File(...), parser: UblParser = Depends(get_parser), repo=Depends(get_repo)):
    payload = await file.read()
    if len(payload) > 5 * 1024 * 1024:
        raise HTTPException(status_code=413, detail="invoice too large")
    try:
        summary = parser.summarise(parser.parse(payload))
    except (etree.XMLSyntaxError, ValueError) as exc:
        logger.info("rejected invoice upload %r: %r", file.filename, exc)
        raise HTTPException(status_code=422, detail="invalid invoice document")
    invoice_id = repo.save(summary, payload)
    return {"id": invoice_id, "number": summary.number, "total": str(summary.total)}
