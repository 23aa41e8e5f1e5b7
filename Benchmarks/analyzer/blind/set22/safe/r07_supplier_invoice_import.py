"""Accounts-payable API: suppliers POST UBL 2.1 invoices as raw XML."""
import logging
from decimal import Decimal
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as etree
from fastapi import APIRouter, Depends, HTTPException, Request

from ap.auth import supplier_from_api_key
from ap.store import InvoiceStore

router = APIRouter(prefix="/ubl")
log = logging.getLogger("ap.ubl")

NS = {
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}
MAX_BYTES = 2 * 1024 * 1024


class UblInvoiceParser:
    def parse(self, document: bytes) -> dict:
        # defusedxml refuses DTDs, entity expansion and external references
        root = etree.fromstring(document, forbid_dtd=True)
        lines = []
        for line in root.findall("cac:InvoiceLine", NS):
            lines.append({
                "description": line.findtext("cac:Item/cbc:Name", default="", namespaces=NS),
                "amount": Decimal(line.findtext("cbc:LineExtensionAmount", default="0", namespaces=NS)),
            })
        return {
            "number": root.findtext("cbc:ID", namespaces=NS),
            "issue_date": root.findtext("cbc:IssueDate", namespaces=NS),
            "currency": root.findtext("cbc:DocumentCurrencyCode", namespaces=NS),
            "lines": lines,
        }


parser = UblInvoiceParser()


@router.post("/invoices", status_code=202)
async def receive_invoice(request: Request, supplier=Depends(supplier_from_api_key)):
    body = await request.body()
    if len(body) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="document too large")
    try:
        invoice = parser.parse(body)
    except (ParseError, DefusedXmlException, ArithmeticError) as exc:
        raise HTTPException(status_code=400, detail=f"invalid UBL document: {exc}")
    invoice["supplier_id"] = supplier.id
    invoice_id = InvoiceStore().save(invoice)
    log.info("stored invoice %r from supplier %d", invoice["number"], supplier.id)
    return {"id": invoice_id, "lines": len(invoice["lines"])}
