"""Back-office import of partner points files (airline / fuel partners).

Partners send XML credit files; loyalty ops staff upload them here to get a
preview before the credits are posted to member accounts.
"""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 2 * 1024 * 1024
FIELDS = ("member", "points", "note")


class PointsHandler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.records = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "credit":
            self._current = {"partner_ref": attrs.get("ref", "")}
        elif self._current is not None and name in FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._current is not None and name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "credit" and self._current is not None:
            self.records.append(self._current)
            self._current = None


def parse_points_file(raw: bytes) -> list:
    handler = PointsHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(raw))  # VULN flow
    return handler.records


@staff_member_required
@require_POST
def import_partner_points(request: HttpRequest) -> JsonResponse:
    upload = request.FILES.get("points_file")
    if upload is None:
        return JsonResponse({"error": "points_file required"}, status=400)
    if upload.size > MAX_FILE_BYTES:
        return JsonResponse({"error": "file too large"}, status=413)
    try:
        records = parse_points_file(upload.read())
    except xml.sax.SAXException as exc:
        return JsonResponse({"error": f"invalid XML: {exc.getMessage()}"}, status=422)

    preview = [{k: r.get(k) for k in ("partner_ref",) + FIELDS} for r in records[:50]]
    total = sum(int(r.get("points") or 0) for r in records if str(r.get("points", "")).isdigit())
    log.info("partner file previewed: %d records, %d points", len(records), total)
    return JsonResponse({"count": len(records), "total_points": total, "preview": preview})
