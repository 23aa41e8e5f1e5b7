import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from .models import Flight, Passenger

logger = logging.getLogger(__name__)
MANIFEST_NS = {"m": "urn:iata:manifest:1"}
MAX_MANIFEST_BYTES = 2 * 1024 * 1024


def _manifest_parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True)


def _text(node, tag):
    return (node.findtext(f"m:{tag}", namespaces=MANIFEST_NS) or "").strip()


def parse_manifest(raw_bytes):
    parser = _manifest_parser()
    root = etree.fromstring(raw_bytes, parser)
    flight_no = _text(root, "FlightNumber")
    passengers = [
        {"name": _text(node, "Name"), "seat": _text(node, "Seat"), "doc": _text(node, "DocumentNumber")}
        for node in root.iterfind("m:Passenger", namespaces=MANIFEST_NS)
    ]
    return flight_no, passengers


@login_required
@permission_required("ops.import_manifest", raise_exception=True)
@require_POST
def import_manifest(request):
    upload = request.FILES.get("manifest")
    if upload is None:
        return HttpResponseBadRequest("manifest file required")
    if upload.size > MAX_MANIFEST_BYTES:
        return HttpResponseBadRequest("manifest too large")
    try:
        flight_no, passengers = parse_manifest(upload.read())
    except etree.XMLSyntaxError:
        return HttpResponseBadRequest("manifest is not well-formed XML")
    try:
        flight = Flight.objects.get(number=flight_no)
    except Flight.DoesNotExist:
        return JsonResponse({"error": "unknown flight"}, status=404)
    created = 0
    with transaction.atomic():
        for p in passengers:
            _, was_created = Passenger.objects.update_or_create(
                flight=flight, seat=p["seat"], defaults={"name": p["name"], "document_number": p["doc"]}
            )
            created += int(was_created)
    logger.info("manifest for %r imported by %r", flight.number, request.user.username)
    return JsonResponse({"flight": flight.number, "imported": len(passengers), "created": created})
