"""Pull docket sheets from court e-filing portals into the matter workspace."""
import logging
import re

import requests
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import Matter, MatterDocument

logger = logging.getLogger(__name__)

CASE_NUMBER = re.compile(r"^\d:\d{2}-[a-z]{2}-\d{4,6}$")
DOCKET_PATH = "/cgi-bin/DktRpt.pl"


class DocketClient:
    def __init__(self, court_host, timeout=20):
        self.base_url = f"https://{court_host}"
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "matter-workspace/1.9"

    def docket_url(self, case_number):
        return f"{self.base_url}{DOCKET_PATH}?case={case_number}&output=pdf"

    def fetch(self, case_number):
        url = self.docket_url(case_number)
        resp = self.session.get(url, timeout=self.timeout)  # VULN flow
        resp.raise_for_status()
        return resp.content, resp.headers.get("Content-Type", "")


@login_required
@require_POST
def import_docket(request, matter_id):
    matter = Matter.objects.get(pk=matter_id, team__members=request.user)
    court_host = request.POST.get("court", "").strip().lower()
    case_number = request.POST.get("case_number", "").strip()
    if not court_host or not CASE_NUMBER.match(case_number):
        return HttpResponseBadRequest("court and a valid case number are required")

    client = DocketClient(court_host, timeout=getattr(settings, "DOCKET_TIMEOUT", 20))
    try:
        content, content_type = client.fetch(case_number)
    except requests.RequestException as exc:
        logger.warning("docket fetch failed for matter %s: %r", matter.pk, exc)
        return JsonResponse({"error": "court portal unavailable"}, status=502)

    doc = MatterDocument(matter=matter, kind="docket", source=court_host, mime_type=content_type)
    doc.file.save(f"docket-{case_number.replace(':', '_')}.pdf", ContentFile(content))
    logger.info("imported docket %r for matter %s", case_number, matter.pk)
    return JsonResponse({"document_id": doc.pk, "bytes": len(content), "preview": content[:200].decode("latin-1")})
