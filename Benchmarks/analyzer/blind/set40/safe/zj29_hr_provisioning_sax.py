"""HR back office: import employee exports (XML) from the various regional HRIS tools."""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import defusedxml.sax
from django.http import HttpResponse, HttpResponseBadRequest
from django.contrib.auth.decorators import permission_required
from django.views.decorators.http import require_POST

from .accounts import sync_employee

logger = logging.getLogger("hris.import")


class EmployeeHandler(ContentHandler):
    FIELDS = {"employeeId", "givenName", "familyName", "workEmail", "department", "status"}

    def __init__(self):
        super().__init__()
        self.employees = []
        self._current = None
        self._field = None
        self._buffer = []

    def startElement(self, name, attrs):
        if name == "employee":
            self._current = {}
        elif self._current is not None and name in self.FIELDS:
            self._field = name
            self._buffer = []

    def characters(self, content):
        if self._field:
            self._buffer.append(content)

    def endElement(self, name):
        if name == self._field:
            self._current[name] = "".join(self._buffer).strip()
            self._field = None
        elif name == "employee" and self._current is not None:
            self.employees.append(self._current)
            self._current = None


def parse_push(document: bytes):
    handler = EmployeeHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    # department names are sent inline in each <employee> record
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(document))
    return handler.employees


@permission_required("accounts.import_employees")
@require_POST
def hris_import(request):
    upload = request.FILES.get("export")
    if upload is None or upload.size > 20 * 1024 * 1024:
        return HttpResponseBadRequest("missing or oversized export file")
    try:
        employees = parse_push(upload.read())
    except (xml.sax.SAXParseException, defusedxml.DefusedXmlException):
        return HttpResponseBadRequest("malformed document", content_type="text/plain")
    synced = 0
    for emp in employees:
        if not emp.get("employeeId"):
            continue
        sync_employee(emp)
        synced += 1
    logger.info("HRIS import by %s processed %d employees", request.user.pk, synced)
    return HttpResponse(f"synced {synced}", content_type="text/plain")
