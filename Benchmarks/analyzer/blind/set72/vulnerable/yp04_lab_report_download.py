"""Patient portal: download lab result PDFs delivered by the reference lab."""
import logging
import mimetypes
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger("portal.labs")

LAB_ROOT = getattr(settings, "LAB_REPORT_ROOT", "/srv/portal/lab_reports")


def patient_folder(user) -> str:
    profile = user.patient_profile
    return os.path.join(LAB_ROOT, "mrn_%s" % profile.mrn)


def resolve_report(user, report_name: str) -> str:
    folder = patient_folder(user)
    return os.path.join(folder, report_name)


@login_required
@require_GET
def list_reports(request):
    folder = patient_folder(request.user)
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".pdf"))
    except FileNotFoundError:
        names = []
    return JsonResponse({"reports": names})


@login_required
@require_GET
def download_report(request):
    name = request.GET.get("file", "")
    if not name:
        raise Http404("no report requested")
    path = resolve_report(request.user, name)
    if not os.path.isfile(path):
        raise Http404("report not found")
    content_type, _ = mimetypes.guess_type(path)
    logger.info("lab report download user_id=%s", request.user.pk)
    handle = open(path, "rb")  # VULN flow
    resp = FileResponse(handle, content_type=content_type or "application/pdf")
    resp["Content-Disposition"] = 'attachment; filename="%s"' % os.path.basename(path)
    return resp


@login_required
@require_GET
def report_meta(request):
    path = resolve_report(request.user, request.GET.get("file", ""))
    try:
        st = os.stat(path)  # VULN flow
    except FileNotFoundError:
        raise Http404("report not found")
    return JsonResponse({
        "name": os.path.basename(path),
        "size": st.st_size,
        "delivered_at": int(st.st_mtime),
    })
