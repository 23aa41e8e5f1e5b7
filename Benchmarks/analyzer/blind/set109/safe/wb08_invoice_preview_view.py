"""Invoice preview pages for the commercial-waste billing team."""
from decimal import Decimal

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape

from .models import Invoice

STYLE = """
body { font-family: sans-serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ccc; padding: 4px 8px; }
.note { background: #ffd; padding: 8px; margin-top: 1em; }
"""


def _money(value: Decimal) -> str:
    return f"\u00a3{value:,.2f}"


def _line_rows(invoice) -> str:
    rows = []
    for line in invoice.lines.order_by("service_date"):
        # descriptions come from the booking form (e.g. "Extra lift - 1100L, rear yard")
        rows.append(
            "<tr>"
            f"<td>{line.service_date:%d/%m/%Y}</td>"
            f"<td>{escape(line.description)}</td>"
            f"<td>{escape(line.quantity)}</td>"
            f"<td>{_money(line.unit_price)}</td>"
            f"<td>{_money(line.total)}</td>"
            "</tr>"
        )
    return "\n".join(rows)


def _header(invoice) -> str:
    customer = invoice.customer
    return (
        f"<h1>Invoice {escape(invoice.number)}</h1>"
        f"<p><strong>{escape(customer.trading_name)}</strong><br>{escape(invoice.site_address)}</p>"
        f"<p>Period: {invoice.period_start:%d %b} - {invoice.period_end:%d %b %Y}</p>"
    )


@permission_required("billing.view_invoice")
def invoice_preview(request, invoice_id: int):
    invoice = get_object_or_404(Invoice.objects.select_related("customer"), pk=invoice_id)
    note = escape(request.GET.get("note", ""))
    html = f"""<!doctype html>
<html><head><title>Invoice {escape(invoice.number)}</title><style>{STYLE}</style></head>
<body>
{_header(invoice)}
<table>
<tr><th>Date</th><th>Service</th><th>Qty</th><th>Unit</th><th>Total</th></tr>
{_line_rows(invoice)}
</table>
<p>Net {_money(invoice.net)} &middot; VAT {_money(invoice.vat)} &middot; <strong>Total {_money(invoice.gross)}</strong></p>
<div class="note">{note}</div>
</body></html>"""
    return HttpResponse(html)
