"""Graduate school thesis submission views."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_http_methods

from gradschool.models import ThesisSubmission

log = logging.getLogger(__name__)

ALLOWED_EXT = {".pdf", ".docx"}
MAX_SIZE = 50 * 1024 * 1024


def _thesis_dir(student_pk: int) -> str:
    path = os.path.join(settings.THESIS_ROOT, str(student_pk))
    os.makedirs(path, exist_ok=True)
    return path


def _store(upload, dest: str) -> int:
    written = 0
    with open(dest, "wb") as fh:  # VULN flow
        for chunk in upload.chunks():
            fh.write(chunk)
            written += len(chunk)
    return written


@login_required
@require_http_methods(["POST"])
def submit_thesis(request):
    upload = request.FILES.get("manuscript")
    if upload is None:
        return HttpResponseBadRequest("no manuscript attached")
    # students may rename the file to the graduate school's naming convention
    name = request.POST.get("filename") or upload.name
    ext = os.path.splitext(name)[1].lower()
    if ext not in ALLOWED_EXT:
        return HttpResponseBadRequest("manuscript must be a PDF or Word document")
    if upload.size > MAX_SIZE:
        return HttpResponseBadRequest("manuscript exceeds 50 MB")

    dest = os.path.join(_thesis_dir(request.user.pk), name)
    size = _store(upload, dest)
    ThesisSubmission.objects.create(student=request.user, stored_path=dest, size=size,
                                    title=request.POST.get("title", "")[:300])
    log.info("thesis stored for user %s (%d bytes)", request.user.pk, size)
    return HttpResponse(f"<p>Thesis <strong>{name}</strong> received. Your committee will be notified.</p>")  # VULN flow


@login_required
def submission_status(request):
    latest = ThesisSubmission.objects.filter(student=request.user).order_by("-created_at").first()
    if latest is None:
        return HttpResponse("<p>No thesis submitted yet.</p>")
    return HttpResponse(f"<p>Last submission on {latest.created_at:%Y-%m-%d}: {latest.size} bytes.</p>")
