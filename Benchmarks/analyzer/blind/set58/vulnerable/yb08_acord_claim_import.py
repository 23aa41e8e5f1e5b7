"""Import ACORD-style first-notice-of-loss XML submitted by partner agencies."""
import logging

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from lxml import etree

from .models import ClaimIntake

logger = logging.getLogger(__name__)

MAX_UPLOAD = 5 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


class AcordClaimReader:
    BASE = "ClaimsSvcRq/ClaimsNotificationAddRq/"
    FIELDS = {
        "policy_number": BASE + "Policy/PolicyNumber",
        "loss_date": BASE + "ClaimsOccurrence/LossDt",
        "loss_description": BASE + "ClaimsOccurrence/IncidentDesc",
        "reported_by": BASE + "ClaimsReporter/GeneralPartyInfo/NameInfo/CommlName/CommercialName",
        "agency_code": BASE + "Producer/ItemIdInfo/AgencyId",
    }

    def __init__(self, payload: bytes):
        self.payload = payload
        self.root = None

    def parse(self):
        self.root = etree.fromstring(self.payload, _PARSER)  # VULN flow
        return self

    def field(self, name):
        node = self.root.find(self.FIELDS[name])
        if node is None or node.text is None:
            return None
        return node.text.strip()

    def to_dict(self):
        return {name: self.field(name) for name in self.FIELDS}


@csrf_exempt
@require_POST
def import_fnol(request):
    body = request.body
    if len(body) > MAX_UPLOAD:
        return HttpResponseBadRequest("payload too large")
    try:
        record = AcordClaimReader(body).parse().to_dict()
    except etree.XMLSyntaxError as exc:
        logger.warning("rejected FNOL xml: %r", exc)
        return HttpResponseBadRequest("malformed ACORD document")

    if not record["policy_number"]:
        return HttpResponseBadRequest("PolicyNumber is required")

    intake = ClaimIntake.objects.create(
        policy_number=record["policy_number"],
        loss_date=record["loss_date"],
        description=record["loss_description"] or "",
        reported_by=record["reported_by"] or "",
        agency_code=record["agency_code"] or "",
    )
    logger.info("FNOL intake %s created for policy %r", intake.pk, record["policy_number"])
    return JsonResponse({"intake_id": intake.pk, "parsed": record}, status=201)
