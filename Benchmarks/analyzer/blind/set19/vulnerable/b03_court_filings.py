"""Court e-filing: document download and upload views."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .models import CaseDocket, Filing

logger = logging.getLogger("efiling.documents")

FILINGS_ROOT = getattr(settings, "FILINGS_ROOT", "/srv/efiling/documents")
MAX_UPLOAD = 25 * 1024 * 1024
ALLOWED_EXTENSIONS = {".pdf", ".docx", ".tif"}


def _docket_dir(docket):
    return os.path.join(FILINGS_ROOT, docket.court_code, str(docket.pk))


def _resolve_document(docket, name):
    return os.path.join(_docket_dir(docket), name)


def _get_docket(request, docket_id):
    try:
        return CaseDocket.objects.get(pk=docket_id, parties__user=request.user)
    except CaseDocket.DoesNotExist:
        raise Http404("docket not found")


@login_required
@require_GET
def download_filing(request, docket_id):
    docket = _get_docket(request, docket_id)
    name = request.GET.get("document", "")
    if not name:
        return HttpResponseBadRequest("document required")
    path = _resolve_document(docket, name)
    if not os.path.isfile(path):
        raise Http404("document not found")
    logger.info("user %s downloading %r from docket %s", request.user.pk, name, docket.pk)
    return FileResponse(open(path, "rb"), as_attachment=True)  # VULN flow


@login_required
@require_POST
def upload_filing(request, docket_id):
    docket = _get_docket(request, docket_id)
    upload = request.FILES.get("document")
    if upload is None or upload.size > MAX_UPLOAD:
        return HttpResponseBadRequest("missing or oversized document")
    ext = os.path.splitext(upload.name)[1].lower()
    if ext not in ALLOWED_EXTENSIONS:
        return HttpResponseBadRequest("unsupported document type")
    os.makedirs(_docket_dir(docket), exist_ok=True)
    with open(os.path.join(_docket_dir(docket), request.FILES["document"].name), "wb") as fh:  # VULN
        for chunk in upload.chunks():
            fh.write(chunk)
    filing = Filing.objects.create(
        docket=docket,
        filed_by=request.user,
        title=upload.name[:200],
        stored_name=upload.name,
    )
    logger.info("filing %s stored for docket %s", filing.pk, docket.pk)
    return JsonResponse({"filing": filing.pk}, status=201)
