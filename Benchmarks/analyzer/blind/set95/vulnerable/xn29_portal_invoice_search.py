"""Customer-portal invoice search (Django)."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.shortcuts import render
from django.utils.safestring import mark_safe

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50


def _search_invoices(org_id: int, term: str):
    sql = (
        "SELECT id, number, customer_name, total, status FROM billing_invoice "
        "WHERE organisation_id = %s AND customer_name ILIKE '%%" + term + "%%' "
        "ORDER BY issued_on DESC LIMIT " + str(SEARCH_LIMIT)
    )
    with connection.cursor() as cur:
        cur.execute(sql, [org_id])  # VULN flow
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def _highlight(text: str, term: str) -> str:
    if not term:
        return text
    return text.replace(term, f"<mark>{term}</mark>")


@login_required
def invoice_search(request):
    term = request.GET.get("q", "").strip()
    org_id = request.user.profile.organisation_id
    rows = _search_invoices(org_id, term) if term else []
    for row in rows:
        row["customer_html"] = mark_safe(_highlight(row["customer_name"], term))  # VULN flow
    log.debug("portal search returned %d rows for org %s", len(rows), org_id)
    return render(request, "portal/invoice_search.html", {"rows": rows, "q": term})


@login_required
def invoice_summary(request):
    org_id = request.user.profile.organisation_id
    with connection.cursor() as cur:
        cur.execute(
            "SELECT status, COUNT(*), COALESCE(SUM(total), 0) FROM billing_invoice "
            "WHERE organisation_id = %s GROUP BY status",
            [org_id],
        )
        summary = [{"status": s, "count": c, "total": t} for s, c, t in cur.fetchall()]
    return render(request, "portal/invoice_summary.html", {"summary": summary})
