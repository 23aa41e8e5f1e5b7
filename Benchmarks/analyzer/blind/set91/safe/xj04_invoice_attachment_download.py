"""Views for vendors to list and download the attachments on their invoices."""
import logging
import mimetypes
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404

from procurement.invoices.models import Invoice

logger = logging.getLogger(__name__)


def _invoice_dir(invoice):
    return os.path.join(
        settings.INVOICE_STORAGE_ROOT,
        str(invoice.vendor_id),
        invoice.invoice_number,
    )


def _resolve_attachment(invoice, requested):
    base = os.path.realpath(_invoice_dir(invoice))
    # clients sometimes send the path they got from the listing endpoint
    if requested.startswith(base):
        requested = requested[len(base):].lstrip("/")
    path = os.path.realpath(os.path.join(base, requested))
    if os.path.commonpath([base, path]) != base:
        raise Http404("attachment not found")
    return path


@login_required
def list_attachments(request, invoice_id):
    invoice = get_object_or_404(
        Invoice, pk=invoice_id, vendor__portal_users=request.user
    )
    base = _invoice_dir(invoice)
    try:
        names = sorted(os.listdir(base))
    except FileNotFoundError:
        names = []
    return JsonResponse({"invoice": invoice.invoice_number, "files": names})


@login_required
def download_attachment(request, invoice_id):
    invoice = get_object_or_404(
        Invoice, pk=invoice_id, vendor__portal_users=request.user
    )
    requested = request.GET.get("file", "")
    if not requested:
        raise Http404("no file requested")
    path = _resolve_attachment(invoice, requested)
    if not os.path.isfile(path):
        raise Http404("attachment not found")
    content_type, _ = mimetypes.guess_type(path)
    logger.info("user %s downloading %r", request.user.pk, path)
    return FileResponse(
        open(path, "rb"),
        as_attachment=True,
        filename=os.path.basename(path),
        content_type=content_type or "application/octet-stream",
    )
