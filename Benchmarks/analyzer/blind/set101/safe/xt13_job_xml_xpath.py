"""Serves the syndicated job catalogue (an HXML export refreshed hourly by
the ATS) to partner widgets. Filtering is done directly on the XML tree."""
import logging
import os
import threading
import time

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET
from lxml import etree

log = logging.getLogger(__name__)

CATALOGUE_PATH = os.environ.get("JOB_CATALOGUE_XML", "/var/lib/ats/export/jobs.xml")
RELOAD_SECONDS = 300


class Catalogue:
    _lock = threading.Lock()

    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._loaded_at = 0.0

    def tree(self):
        with self._lock:
            if self._tree is None or time.time() - self._loaded_at > RELOAD_SECONDS:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._loaded_at = time.time()
            return self._tree

    def find(self, predicates: list, variables: dict):
        expr = "//job[status='open'" + "".join(f" and {p}" for p in predicates) + "]"
        return self.tree().xpath(expr, **variables)


catalogue = Catalogue(CATALOGUE_PATH)


def job_to_dict(node) -> dict:
    return {
        "id": node.get("id"),
        "title": node.findtext("title"),
        "location": node.findtext("location"),
        "department": node.findtext("department"),
        "remote": node.findtext("remote") == "true",
    }


@require_GET
def partner_jobs(request):
    predicates = []
    variables = {}
    location = request.GET.get("location")
    department = request.GET.get("department")
    if location:
        predicates.append("location=$loc")
        variables["loc"] = location
    if department:
        predicates.append("department=$dept")
        variables["dept"] = department
    if request.GET.get("remote") == "1":
        predicates.append("remote='true'")
    if not predicates:
        return HttpResponseBadRequest("at least one filter is required")

    nodes = catalogue.find(predicates, variables)
    log.debug("partner query matched %d jobs", len(nodes))
    return JsonResponse({"jobs": [job_to_dict(n) for n in nodes[:200]]})
