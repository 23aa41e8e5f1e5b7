"""Render invoices to PDF through wkhtmltopdf for download."""
import os
import subprocess
import tempfile

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views import View

from billing.models import Invoice


class PdfRenderer:
    binary = getattr(settings, "WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")

    def __init__(self, page_size="A4"):
        self.page_size = page_size

    def render(self, html, title):
        workdir = tempfile.mkdtemp(prefix="invoice-")
        src = os.path.join(workdir, "invoice.html")
        out = os.path.join(workdir, "invoice.pdf")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(html)
        cmd = f'{self.binary} --quiet --page-size {self.page_size} --title "{title}" {src} {out}'
        subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow
        return out


class InvoicePdfView(LoginRequiredMixin, View):
    renderer_class = PdfRenderer
    template_name = "billing/invoice_pdf.html"

    def get_invoice(self, request, number):
        return get_object_or_404(Invoice, number=number, customer__owner=request.user)

    def get(self, request, number):
        invoice = self.get_invoice(request, number)
        page_size = request.GET.get("page_size", "A4")
        title = request.GET.get("title") or f"Invoice {invoice.number}"
        html = render_to_string(self.template_name, {"invoice": invoice}, request=request)
        renderer = self.renderer_class(page_size=page_size)
        try:
            path = renderer.render(html, title)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise Http404("Invoice could not be rendered")
        return FileResponse(
            open(path, "rb"),
            as_attachment=True,
            filename=f"invoice-{invoice.number}.pdf",
            content_type="application/pdf",
        )
