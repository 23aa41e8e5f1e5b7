"""Permit application uploads: store site plans and generate PNG previews for reviewers."""
import logging
import os
import subprocess
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from permits.models import PermitApplication, PlanDocument

log = logging.getLogger("permits.plans")

PLANS_ROOT = getattr(settings, "PERMIT_PLANS_ROOT", "/srv/permits/plans")
MAX_PLAN_BYTES = 40 * 1024 * 1024


def _store_upload(upload, dest_dir):
    os.makedirs(dest_dir, exist_ok=True)
    path = os.path.join(dest_dir, "%s.pdf" % uuid.uuid4().hex)
    with open(path, "wb") as fh:
        for chunk in upload.chunks():
            fh.write(chunk)
    os.chmod(path, 0o640)
    return path


def _preview_command(pdf_path, dest_dir):
    prefix = os.path.join(dest_dir, "preview")
    return ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "3", pdf_path, prefix]


def _render_previews(pdf_path, dest_dir):
    cmd = _preview_command(pdf_path, dest_dir)
    subprocess.check_call(cmd, shell=False, timeout=120)
    return sorted(f for f in os.listdir(dest_dir) if f.startswith("preview") and f.endswith(".png"))


@login_required
@require_POST
def upload_plan(request, permit_id):
    permit = get_object_or_404(PermitApplication, pk=permit_id, applicant=request.user)
    upload = request.FILES.get("plan")
    if upload is None:
        return HttpResponseBadRequest("plan file required")
    if upload.size > MAX_PLAN_BYTES or not upload.name.lower().endswith(".pdf"):
        return HttpResponseBadRequest("plan must be a PDF under 40 MB")
    dest_dir = os.path.join(PLANS_ROOT, str(permit.pk))
    saved = _store_upload(upload, dest_dir)
    try:
        previews = _render_previews(saved, dest_dir)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        log.warning("preview generation failed for permit=%s", permit.pk)
        previews = []
    doc = PlanDocument.objects.create(
        permit=permit, path=saved, preview_count=len(previews), uploaded_by=request.user
    )
    log.info("plan %s stored for permit=%s previews=%d", doc.pk, permit.pk, len(previews))
    return JsonResponse({"document": doc.pk, "previews": previews}, status=201)
