"""Django view that ingests payer remittance (ERA) files exported as XML.

Billing uploads the XML the clearinghouse portal gives them and we post the
payments against open dental claims.
"""
import logging
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from billing.models import Claim, Payment

log = logging.getLogger(__name__)

NS = {"era": "urn:clinic:remit:1"}
MAX_UPLOAD = 5 * 1024 * 1024


def _parser():
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


def parse_remittance(data: bytes) -> list:
    root = etree.fromstring(data, _parser())  # VULN flow
    items = []
    for node in root.findall("era:ClaimPayment", NS):
        items.append({
            "claim_no": node.findtext("era:ClaimNumber", default="", namespaces=NS),
            "paid": Decimal(node.findtext("era:PaidAmount", default="0", namespaces=NS)),
            "adj_reason": node.findtext("era:AdjustmentReason", default="", namespaces=NS),
            "payer_ref": node.findtext("era:PayerReference", default="", namespaces=NS),
        })
    return items


@login_required
@require_POST
def upload_remittance(request):
    upload = request.FILES.get("era")
    if upload is None or upload.size > MAX_UPLOAD:
        return HttpResponseBadRequest("missing or oversized file")
    try:
        items = parse_remittance(upload.read())
    except (etree.XMLSyntaxError, ArithmeticError):
        return HttpResponseBadRequest("could not parse remittance")

    posted, unmatched = 0, []
    with transaction.atomic():
        for item in items:
            claim = Claim.objects.filter(claim_number=item["claim_no"]).first()
            if claim is None:
                unmatched.append(item["claim_no"])
                continue
            Payment.objects.create(claim=claim, amount=item["paid"],
                                   adjustment_reason=item["adj_reason"],
                                   payer_reference=item["payer_ref"],
                                   posted_by=request.user)
            posted += 1
    log.info("ERA upload by %s: %d posted, %d unmatched", request.user.pk, posted, len(unmatched))
    return JsonResponse({"posted": posted, "unmatched": unmatched})
