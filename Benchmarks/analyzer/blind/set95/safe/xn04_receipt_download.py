"""Expense receipt views: list and download the scans attached to a report."""
import logging
import mimetypes
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

from expenses.models import ExpenseReport

log = logging.getLogger(__name__)

RECEIPT_ROOT = getattr(settings, "RECEIPT_STORAGE_ROOT", "/srv/receipts")


def receipt_dir_for(report):
    return os.path.join(RECEIPT_ROOT, str(report.organisation_id), str(report.pk))


def resolve_receipt(report, filename):
    base = os.path.realpath(receipt_dir_for(report))
    candidate = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, candidate]) != base:
        raise Http404("receipt not found")
    return candidate


def _get_report(request, report_id):
    try:
        return ExpenseReport.objects.get(pk=report_id, organisation=request.user.profile.organisation)
    except ExpenseReport.DoesNotExist:
        raise Http404("report not found")


@login_required
@require_GET
def list_receipts(request, report_id):
    report = _get_report(request, report_id)
    folder = receipt_dir_for(report)
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    return JsonResponse({"report": report.pk, "receipts": names})


@login_required
@require_GET
def download_receipt(request, report_id):
    report = _get_report(request, report_id)
    filename = request.GET.get("name")
    if not filename:
        return HttpResponseBadRequest("missing name")

    path = resolve_receipt(report, filename)
    if not os.path.isfile(path):
        raise Http404("receipt not found")

    content_type, _ = mimetypes.guess_type(path)
    log.info("user %s downloading receipt for report %s", request.user.pk, report.pk)
    return FileResponse(open(path, "rb"), content_type=content_type or "application/octet-stream", as_attachment=True, filename=os.path.basename(path))
