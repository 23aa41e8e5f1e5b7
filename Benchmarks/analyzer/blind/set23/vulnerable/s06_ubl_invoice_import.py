"""Supplier invoice import for the accounts-payable portal (Django)."""
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

log = logging.getLogger("ap.invoices")

UBL_NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}
MAX_UPLOAD = 5 * 1024 * 1024


@dataclass
class InvoiceSummary:
    number: str
    supplier: str
    currency: str
    total: Decimal
    line_count: int


class UblInvoiceParser:
    def __init__(self):
        self._parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)

    def _text(self, root, path: str) -> str:
        return (root.findtext(path, namespaces=UBL_NS) or "").strip()

    def parse(self, raw: bytes) -> InvoiceSummary:
        root = etree.fromstring(raw, parser=self._parser)  # VULN flow
        try:
            total = Decimal(self._text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") or "0")
        except InvalidOperation:
            raise ValueError("invalid payable amount")
        return InvoiceSummary(
            number=self._text(root, "cbc:ID"),
            supplier=self._text(root, "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name"),
            currency=self._text(root, "cbc:DocumentCurrencyCode"),
            total=total,
            line_count=len(root.findall("cac:InvoiceLine", namespaces=UBL_NS)),
        )


@login_required
@require_POST
def upload_invoice(request):
    upload = request.FILES.get("invoice")
    if upload is None or upload.size > MAX_UPLOAD:
        return HttpResponseBadRequest("missing or oversized invoice file")
    raw = upload.read()
    try:
        summary = UblInvoiceParser().parse(raw)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("rejected invoice upload from %r: %r", request.user.username, exc)
        return HttpResponseBadRequest("could not parse invoice")
    return JsonResponse(
        {
            "number": summary.number,
            "supplier": summary.supplier,
            "currency": summary.currency,
            "total": str(summary.total),
            "lines": summary.line_count,
        }
    )
