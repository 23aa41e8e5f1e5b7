"""Invoice preview for the accounts-receivable back office."""
from decimal import Decimal
from typing import Iterable, Tuple

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape

from .models import Invoice

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Invoice {number}</title>
<link rel="stylesheet" href="/static/ar/preview.css"></head>
<body>
<h1>Invoice {number}</h1>
<p class="customer">Bill to: {customer}</p>
<table class="lines">
<tr><th>Description</th><th>Qty</th><th>Unit price</th><th>Total</th></tr>
{rows}
</table>
<p class="total">Total due: {total} {currency}</p>
<div class="note">{note}</div>
</body></html>"""

ROW = "<tr><td>{desc}</td><td>{qty}</td><td>{unit}</td><td>{total}</td></tr>"


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def render_rows(lines: Iterable) -> Tuple[str, Decimal]:
    out = []
    grand_total = Decimal("0")
    for line in lines:
        line_total = line.quantity * line.unit_price
        grand_total += line_total
        out.append(ROW.format(
            desc=escape(line.description),
            qty=escape(line.quantity),
            unit=_money(line.unit_price),
            total=_money(line_total),
        ))
    return "\n".join(out), grand_total


@login_required
def invoice_preview(request, invoice_id: int):
    invoice = get_object_or_404(Invoice, pk=invoice_id)
    rows, total = render_rows(invoice.lines.all())
    context = {
        "number": escape(invoice.number),
        "customer": escape(invoice.customer_name),
        "rows": rows,
        "total": _money(total),
        "currency": escape(invoice.currency),
        "note": escape(request.GET.get("note", "")),
    }
    html = PAGE.format(**context)
    return HttpResponse(html)
