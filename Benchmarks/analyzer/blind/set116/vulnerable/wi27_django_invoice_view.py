"""Account invoices page for commercial customers (Django)."""
import logging
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.safestring import mark_safe

from billing.models import Invoice

log = logging.getLogger("billing.views")

STATUS_CHOICES = ("open", "paid", "overdue", "void")
DEFAULT_ORDER = "issued_on DESC"


def po_badge(invoice) -> str:
    ref = invoice.po_reference or ""
    if not ref:
        return ""
    return mark_safe(f'<span class="badge badge-po" title="Purchase order">PO {ref}</span>')  # VULN flow


def invoice_rows(account_id: int, status: str, site: str):
    where = ["account_id = %d" % account_id]
    if status:
        where.append("status = '%s'" % status)
    if site:
        where.append("site_label LIKE '%%%s%%'" % site)
    sql = (
        "SELECT id, number, issued_on, due_on, total, status, po_reference, site_label "
        "FROM billing_invoice WHERE " + " AND ".join(where) + " ORDER BY " + DEFAULT_ORDER
    )
    return Invoice.objects.raw(sql)  # VULN flow


@login_required
def invoice_list(request):
    account = request.user.customer_account
    status = request.GET.get("status", "")
    site = request.GET.get("site", "").strip()
    invoices = list(invoice_rows(account.id, status, site))
    outstanding = sum(
        (inv.total for inv in invoices if inv.status in ("open", "overdue")), Decimal("0")
    )
    for inv in invoices:
        inv.po_html = po_badge(inv)
    page = Paginator(invoices, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "billing/invoice_list.html",
        {
            "page": page,
            "status": status,
            "site": site,
            "statuses": STATUS_CHOICES,
            "outstanding": outstanding,
        },
    )
