"""Bulk import of residential parking permits from council XML exports."""
import logging
from datetime import date

from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from permits.models import Permit, Zone

logger = logging.getLogger(__name__)

NS = {"p": "urn:council:parking:permits:v2"}


def _parser():
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        remove_blank_text=True,
    )


def parse_permit_feed(payload: bytes):
    root = etree.fromstring(payload, parser=_parser())
    records = []
    for node in root.iterfind("p:permit", NS):
        records.append(
            {
                "number": node.findtext("p:number", namespaces=NS),
                "plate": (node.findtext("p:plate", namespaces=NS) or "").upper(),
                "zone": node.findtext("p:zone", namespaces=NS),
                "holder": node.findtext("p:holder", namespaces=NS),
                "expires": node.findtext("p:expires", namespaces=NS),
            }
        )
    return records


def _upsert(record, zones):
    zone = zones.get(record["zone"])
    if zone is None:
        return False
    Permit.objects.update_or_create(
        number=record["number"],
        defaults={
            "plate": record["plate"],
            "zone": zone,
            "holder_name": record["holder"],
            "expires_on": date.fromisoformat(record["expires"]),
        },
    )
    return True


@require_POST
@permission_required("permits.add_permit")
def import_permits(request):
    upload = request.FILES.get("feed")
    if upload is None:
        return HttpResponseBadRequest("feed file required")
    data = upload.read()
    try:
        records = parse_permit_feed(data)
    except etree.XMLSyntaxError as exc:
        return HttpResponseBadRequest("invalid XML: %s" % exc.msg)

    zones = {z.code: z for z in Zone.objects.all()}
    created, skipped = 0, []
    with transaction.atomic():
        for rec in records:
            if _upsert(rec, zones):
                created += 1
            else:
                skipped.append(rec["number"])
    logger.info("permit import by %s: %d ok, %d skipped", request.user.pk, created, len(skipped))
    return JsonResponse({"imported": created, "skipped": skipped, "preview": records[:5]})
