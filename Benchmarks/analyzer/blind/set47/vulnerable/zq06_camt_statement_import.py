"""Upload endpoint for ISO 20022 camt.053 bank-to-customer statements.

Corporate treasury users upload the end-of-day statement files they get
from their other banks so the cash position can be consolidated.
"""
import logging
from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

log = logging.getLogger("treasury.camt")

NS = {"c": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"}
MAX_UPLOAD = 20 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)


def _entry(ntry) -> dict:
    amt = ntry.find("c:Amt", NS)
    try:
        amount = Decimal(amt.text)
    except (InvalidOperation, TypeError, AttributeError):
        raise ValueError("entry without a valid amount")
    return {
        "amount": str(amount),
        "currency": amt.get("Ccy"),
        "direction": ntry.findtext("c:CdtDbtInd", namespaces=NS),
        "booking_date": ntry.findtext("c:BookgDt/c:Dt", namespaces=NS),
        "reference": ntry.findtext(".//c:EndToEndId", namespaces=NS) or "",
        "remittance": ntry.findtext(".//c:Ustrd", namespaces=NS) or "",
    }


def parse_statement(payload: bytes) -> dict:
    root = etree.fromstring(payload, _parser())  # VULN flow
    stmt = root.find(".//c:Stmt", NS)
    if stmt is None:
        raise ValueError("no Stmt element")
    return {
        "statement_id": stmt.findtext("c:Id", namespaces=NS),
        "iban": stmt.findtext("c:Acct/c:Id/c:IBAN", namespaces=NS),
        "entries": [_entry(n) for n in stmt.findall("c:Ntry", NS)],
    }


@login_required
@require_POST
def upload_camt(request):
    upload = request.FILES.get("statement")
    if upload is None:
        return HttpResponseBadRequest("missing statement file")
    if upload.size > MAX_UPLOAD:
        return HttpResponseBadRequest("file too large")
    payload = upload.read()
    try:
        result = parse_statement(payload)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("rejected camt upload %r from %r: %s", upload.name, request.user.username, exc)
        return HttpResponseBadRequest("invalid statement")
    log.info("parsed camt %r for %r with %d entries",
             result["statement_id"], result["iban"], len(result["entries"]))
    return JsonResponse(result)
