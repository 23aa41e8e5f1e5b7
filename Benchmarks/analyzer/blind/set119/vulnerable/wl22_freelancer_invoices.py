"""Invoice list for freelancers (Django)."""
import csv
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, JsonResponse

log = logging.getLogger(__name__)

BASE_SQL = """
    SELECT i.id, i.number, j.project_code, i.words, i.amount, i.currency, i.status, i.issued_at
    FROM billing_invoice i
    JOIN jobs_job j ON j.id = i.job_id
    WHERE i.freelancer_id = %s
"""


def _build_query(params: dict) -> str:
    sql = BASE_SQL
    status = params.get("status")
    if status:
        sql += " AND i.status = '%s'" % status
    year = params.get("year")
    if year and year.isdigit():
        sql += " AND EXTRACT(YEAR FROM i.issued_at) = %d" % int(year)
    order = params.get("order", "issued_at")
    direction = "ASC" if params.get("dir") == "asc" else "DESC"
    sql += f" ORDER BY i.{order} {direction}"
    return sql


def _fetch(request) -> list:
    sql = _build_query(request.GET)
    with connection.cursor() as cur:
        cur.execute(sql, [request.user.freelancer_profile.id])  # VULN flow
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


@login_required
def invoice_list(request):
    rows = _fetch(request)
    for r in rows:
        r["issued_at"] = r["issued_at"].isoformat() if r["issued_at"] else None
        r["amount"] = str(r["amount"])
    return JsonResponse({"invoices": rows})


@login_required
def invoice_csv(request):
    rows = _fetch(request)
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="invoices.csv"'
    writer = csv.writer(response)
    writer.writerow(["Number", "Project", "Words", "Amount", "Currency", "Status", "Issued"])
    for r in rows:
        writer.writerow([r["number"], r["project_code"], r["words"], r["amount"],
                         r["currency"], r["status"], r["issued_at"]])
    log.info("freelancer %s exported %d invoice rows", request.user.pk, len(rows))
    return response
