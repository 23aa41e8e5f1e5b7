"""Views for downloading mailed-ballot receipt PDFs from the clerk's archive."""
import logging
import os
import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

RECEIPT_ROOT = getattr(settings, "BALLOT_RECEIPT_ROOT", "/srv/elections/receipts")
ELECTION_ID_RE = re.compile(r"^[a-z0-9-]{4,40}$")


def _election_dir(election_id: str) -> str:
    if not ELECTION_ID_RE.match(election_id):
        raise Http404("unknown election")
    return os.path.realpath(os.path.join(RECEIPT_ROOT, election_id))


def _receipt_path(election_id: str, filename: str) -> str:
    base = _election_dir(election_id)
    candidate = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, candidate]) != base:
        raise Http404("receipt not found")
    return candidate


@login_required
@require_GET
def list_receipts(request, election_id):
    directory = _election_dir(election_id)
    try:
        names = sorted(n for n in os.listdir(directory) if n.lower().endswith(".pdf"))
    except FileNotFoundError:
        raise Http404("no receipts for this election")
    page = int(request.GET.get("page", "1") or 1)
    start = (max(page, 1) - 1) * 100
    return JsonResponse({"election": election_id, "files": names[start:start + 100]})


@login_required
@require_GET
def download_receipt(request, election_id):
    filename = request.GET.get("file", "")
    if not filename.lower().endswith(".pdf"):
        return HttpResponseBadRequest("only PDF receipts are available")
    path = _receipt_path(election_id, filename)
    if not os.path.isfile(path):
        raise Http404("receipt not found")
    logger.info("receipt download user=%s election=%s", request.user.pk, election_id)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))
