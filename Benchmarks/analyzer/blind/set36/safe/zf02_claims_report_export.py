"""Back-office CSV export of open claims for the adjusters' team."""
import csv
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

EXPORT_HEADER = ["Claim", "Policy", "Status", "Reserve", "Opened", "Adjuster"]
ORDER_COLUMNS = {"opened": "c.opened_on", "reserve": "c.reserve_amount DESC", "status": "c.status"}

BASE_QUERY = (
    "SELECT c.claim_no, p.policy_no, c.status, c.reserve_amount, c.opened_on, a.username "
    "FROM claims_claim c "
    "JOIN policies_policy p ON p.id = c.policy_id "
    "LEFT JOIN auth_user a ON a.id = c.adjuster_id"
)


class ClaimFilter:
    """Translates the export form's query string into SQL."""

    def __init__(self, params):
        self.region = params.get("region", "").strip()
        self.status = params.get("status", "").strip()
        self.order = params.get("order", "opened")

    def where_clause(self):
        clauses = ["c.closed_on IS NULL"]
        params = []
        if self.region:
            clauses.append("p.region = %s")
            params.append(self.region)
        if self.status:
            clauses.append("c.status = %s")
            params.append(self.status)
        return " AND ".join(clauses), params

    def order_clause(self):
        return ORDER_COLUMNS.get(self.order, ORDER_COLUMNS["opened"])

    def to_sql(self):
        where, params = self.where_clause()
        return f"{BASE_QUERY} WHERE {where} ORDER BY {self.order_clause()}", params


def fetch_rows(claim_filter):
    sql, params = claim_filter.to_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@login_required
@permission_required("claims.export_claim", raise_exception=True)
@require_GET
def export_open_claims(request):
    claim_filter = ClaimFilter(request.GET)
    rows = fetch_rows(claim_filter)
    logger.info("claims export by %r rows=%d", request.user.username, len(rows))

    stamp = timezone.now().strftime("%Y%m%d")
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="open-claims-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow(row)
    return response
