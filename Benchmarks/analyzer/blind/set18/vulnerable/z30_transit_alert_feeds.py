"""Transit data hub: partner agencies push service-alert feeds as XML (Django view)."""
import hmac
import io
import json
import logging
import os
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

log = logging.getLogger("transit.alerts")

AGENCY_TOKENS = json.loads(os.environ.get("TRANSIT_AGENCY_TOKENS", "{}"))
MAX_FEED_BYTES = 2 * 1024 * 1024


class AlertHandler(xml.sax.ContentHandler):
    FIELDS = {"route", "stop", "severity", "header", "description", "starts", "ends"}

    def __init__(self) -> None:
        super().__init__()
        self.alerts: list[dict] = []
        self.agency = ""
        self._current: dict | None = None
        self._field: str | None = None

    def startElement(self, name, attrs):
        if name == "feed":
            self.agency = attrs.get("agency", "")
        elif name == "alert":
            self._current = {"id": attrs.get("id")}
        elif self._current is not None and name in self.FIELDS:
            self._field = name
            self._current[name] = ""

    def characters(self, content):
        if self._current is not None and self._field:
            self._current[self._field] += content

    def endElement(self, name):
        if name == "alert" and self._current is not None:
            self.alerts.append(self._current)
            self._current = None
        elif name == self._field:
            self._field = None


def parse_alerts(data: bytes) -> AlertHandler:
    handler = AlertHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))  # VULN flow
    return handler


def authenticate(request) -> str | None:
    agency = request.headers.get("X-Agency", "")
    token = request.headers.get("X-Agency-Token", "")
    expected = AGENCY_TOKENS.get(agency)
    return agency if expected and hmac.compare_digest(expected, token) else None


@csrf_exempt
@require_POST
def ingest_feed(request):
    agency = authenticate(request)
    if agency is None:
        return HttpResponse(status=401)
    if len(request.body) > MAX_FEED_BYTES:
        return HttpResponse(status=413)
    try:
        handler = parse_alerts(request.body)
    except xml.sax.SAXParseException as exc:
        return JsonResponse({"error": f"malformed feed: {exc.getMessage()}"}, status=400)
    if handler.agency != agency:
        log.warning(f"agency mismatch: authenticated as {agency}, feed claims {handler.agency}")  # VULN flow
        return JsonResponse({"error": "agency mismatch"}, status=409)
    log.info("agency %s pushed %d alerts", agency, len(handler.alerts))
    return JsonResponse({"accepted": len(handler.alerts)})
