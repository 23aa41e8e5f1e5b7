"""Django view that ingests supplier invoices delivered as XML documents."""
from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

NS = {"inv": "urn:example:invoice:1.0"}
MAX_BODY = 512 * 1024


class InvoiceParseError(Exception):
    pass


def _text(node, path):
    found = node.find(path, NS)
    if found is None or found.text is None:
        raise InvoiceParseError(f"missing element {path}")
    return found.text.strip()


def parse_invoice(payload: bytes) -> dict:
    try:
        root = etree.fromstring(payload, etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise InvoiceParseError("malformed XML") from exc
    lines = []
    for line in root.findall("inv:Line", NS):
        try:
            amount = Decimal(_text(line, "inv:Amount"))
        except InvalidOperation as exc:
            raise InvoiceParseError("bad amount") from exc
        lines.append({"description": _text(line, "inv:Description"), "amount": str(amount)})
    return {
        "supplier": _text(root, "inv:Supplier"),
        "number": _text(root, "inv:Number"),
        "currency": _text(root, "inv:Currency"),
        "lines": lines,
    }


@login_required
@require_POST
def upload_invoice(request):
    if len(request.body) > MAX_BODY:
        return HttpResponseBadRequest("invoice too large")
    try:
        invoice = parse_invoice(request.body)
    except InvoiceParseError as exc:
        return HttpResponseBadRequest(str(exc))
    total = sum(Decimal(line["amount"]) for line in invoice["lines"])
    return JsonResponse({"supplier": invoice["supplier"], "number": invoice["number"],
                         "total": str(total), "line_count": len(invoice["lines"])})
