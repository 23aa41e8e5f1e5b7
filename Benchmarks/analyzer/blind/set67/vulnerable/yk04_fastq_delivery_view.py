"""Django views that let project members download delivered FASTQ files."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

from .models import SequencingRun

log = logging.getLogger(__name__)

DELIVERY_ROOT = getattr(settings, "FASTQ_DELIVERY_ROOT", "/srv/delivery")
DELIVERABLE_SUFFIXES = (".fastq.gz", ".fq.gz", ".md5", ".html")


def _run_for_user(user, run_id):
    try:
        return SequencingRun.objects.get(pk=run_id, project__members=user)
    except SequencingRun.DoesNotExist:
        raise Http404("run not found")


def _run_directory(run):
    return os.path.join(DELIVERY_ROOT, run.project.code, run.flowcell_id)


@login_required
@require_GET
def list_files(request, run_id):
    run = _run_for_user(request.user, run_id)
    folder = _run_directory(run)
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(DELIVERABLE_SUFFIXES))
    except FileNotFoundError:
        names = []
    return JsonResponse({"run": run.flowcell_id, "files": names})


@login_required
@require_GET
def download_file(request, run_id):
    run = _run_for_user(request.user, run_id)
    filename = request.GET.get("file", "")
    if not filename:
        return HttpResponseBadRequest("file parameter required")
    if not filename.endswith(DELIVERABLE_SUFFIXES):
        return HttpResponseBadRequest("file type not deliverable")

    path = os.path.join(_run_directory(run), filename)
    if not os.path.isfile(path):
        raise Http404("file not found")

    log.info("user %s downloading %r from run %s", request.user.pk, filename, run.pk)
    return FileResponse(  # VULN flow
        open(path, "rb"),
        as_attachment=True,
        filename=os.path.basename(path),
    )
