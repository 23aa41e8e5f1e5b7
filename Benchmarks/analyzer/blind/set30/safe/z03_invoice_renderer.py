"""Invoice preview pages for the billing portal."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from billing.models import Invoice

logger = logging.getLogger(__name__)

BANNER_STYLES = {"info", "warning", "success"}


def _note_banner(note, style):
    if style not in BANNER_STYLES:
        style = "info"
    return format_html('<div class="banner banner-{}">{}</div>', style, note)


def _invoice_for(request, invoice_id):
    return get_object_or_404(
        Invoice.objects.select_related("customer"),
        pk=invoice_id,
        account=request.user.account,
    )


@login_required
@require_GET
def invoice_preview(request, invoice_id):
    invoice = _invoice_for(request, invoice_id)
    note = request.GET.get("note", "").strip()
    style = request.GET.get("style", "info")
    context = {
        "invoice": invoice,
        "lines": invoice.lines.order_by("position"),
        "banner": _note_banner(note, style) if note else "",
    }
    html = render_to_string("billing/invoice_preview.html", context, request=request)
    return HttpResponse(html)


@login_required
@require_GET
def invoice_status(request, invoice_id):
    invoice = _invoice_for(request, invoice_id)
    if invoice.is_finalized:
        return HttpResponse(status=204)
    logger.info("invoice %s viewed before finalisation", invoice.pk)
    return HttpResponse(
        format_html(
            "<h1>Invoice {} is not ready</h1><p>Requested by {}</p>",
            invoice.number,
            request.GET.get("from", "unknown"),
        ),
        status=409,
    )
