"""Export invoices as PDF documents using wkhtmltopdf."""
import logging
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.views import View

from billing.models import Invoice

logger = logging.getLogger(__name__)

PAPER_SIZES = {"A4", "A5", "Letter", "Legal"}


class InvoicePdfExportView(LoginRequiredMixin, View):
    renderer = getattr(settings, "WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
    default_paper = "A4"

    def get(self, request, pk):
        invoice = get_object_or_404(Invoice, pk=pk, account__owner=request.user)
        if invoice.status == Invoice.Status.DRAFT:
            return HttpResponseBadRequest("draft invoices cannot be exported")
        paper = request.GET.get("paper", self.default_paper)
        if paper not in PAPER_SIZES:
            return HttpResponseBadRequest("unsupported paper size")
        title = request.GET.get("title", f"Invoice {invoice.number}")
        html_path = self._write_html(invoice)
        pdf_path = html_path.with_suffix(".pdf")
        self._render(html_path, pdf_path, paper, title)
        if not pdf_path.exists():
            logger.error("pdf rendering failed for invoice %r", invoice.pk)
            raise Http404("invoice could not be rendered")
        return FileResponse(
            pdf_path.open("rb"),
            as_attachment=True,
            filename=f"invoice-{invoice.number}.pdf",
        )

    def _write_html(self, invoice):
        workdir = Path(tempfile.mkdtemp(prefix="invoice-", dir=settings.EXPORT_TMP_DIR))
        html_path = workdir / f"{invoice.pk}.html"
        html_path.write_text(invoice.render_html(), encoding="utf-8")
        return html_path

    def _render(self, html_path, pdf_path, paper, title):
        command = [
            self.renderer, "--quiet", "--page-size", paper,
            "--title", title, str(html_path), str(pdf_path),
        ]
        subprocess.run(command, shell=False, check=False, timeout=120)
