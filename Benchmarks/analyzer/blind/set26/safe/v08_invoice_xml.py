"""Supplier invoice upload endpoint (UBL-style XML)."""
from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

NS = {"inv": "urn:example:invoice:2"}
MAX_UPLOAD = 2 * 1024 * 1024


class InvoiceError(Exception):
    pass


class InvoiceParser:
    def __init__(self, payload: bytes):
        self.payload = payload

    def parse(self) -> dict:
        try:
            root = etree.fromstring(self.payload, parser=etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as exc:
            raise InvoiceError("malformed XML") from exc
        number = root.findtext("inv:Number", namespaces=NS)
        supplier = root.findtext("inv:Supplier/inv:Name", namespaces=NS)
        if not number or not supplier:
            raise InvoiceError("missing invoice number or supplier")
        lines = []
        for line in root.iterfind("inv:Line", namespaces=NS):
            lines.append(
                {
                    "description": (line.findtext("inv:Description", namespaces=NS) or "").strip(),
                    "amount": self._amount(line.findtext("inv:Amount", namespaces=NS)),
                }
            )
        return {"number": number, "supplier": supplier, "lines": lines}

    @staticmethod
    def _amount(raw):
        try:
            return Decimal(raw or "0")
        except InvalidOperation as exc:
            raise InvoiceError("bad amount") from exc


@login_required
@require_POST
def upload_invoice(request):
    upload = request.FILES.get("invoice")
    if upload is None or upload.size > MAX_UPLOAD:
        return HttpResponseBadRequest("invoice file missing or too large")
    try:
        invoice = InvoiceParser(upload.read()).parse()
    except InvoiceError as exc:
        return HttpResponseBadRequest(str(exc))
    total = sum((l["amount"] for l in invoice["lines"]), Decimal("0"))
    return JsonResponse(
        {
            "number": invoice["number"],
            "supplier": invoice["supplier"],
            "line_count": len(invoice["lines"]),
            "total": str(total),
        }
    )
