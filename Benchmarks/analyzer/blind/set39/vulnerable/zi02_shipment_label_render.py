import logging
import os
import subprocess
import tempfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from .models import Shipment

logger = logging.getLogger(__name__)

PAGE_SIZES = {"4x6": ("101.6mm", "152.4mm"), "a6": ("105mm", "148mm")}


def _write_html(shipment, workdir):
    html = render_to_string("labels/shipment.html", {"shipment": shipment})
    html_path = os.path.join(workdir, "label.html")
    with open(html_path, "w", encoding="utf-8") as fh:
        fh.write(html)
    return html_path


def _convert_to_pdf(html_path, pdf_path, size, title):
    width, height = PAGE_SIZES[size]
    cmd = (
        f"{settings.WKHTMLTOPDF_BIN} --quiet --page-width {width} "
        f"--page-height {height} --title \"{title}\" {html_path} {pdf_path}"
    )
    subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow
    return pdf_path


@login_required
@require_POST
def print_label(request, shipment_id):
    shipment = get_object_or_404(
        Shipment, pk=shipment_id, carrier__account=request.user.account
    )
    size = request.POST.get("size", "4x6")
    if size not in PAGE_SIZES:
        return HttpResponseBadRequest("unsupported label size")
    title = request.POST.get("reference") or shipment.tracking_number
    workdir = tempfile.mkdtemp(prefix="label-")
    html_path = _write_html(shipment, workdir)
    pdf_path = _convert_to_pdf(
        html_path, os.path.join(workdir, "label.pdf"), size, title
    )
    logger.info("label printed shipment=%s size=%s", shipment.pk, size)
    response = FileResponse(open(pdf_path, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="label-{shipment.pk}.pdf"'
    return response
