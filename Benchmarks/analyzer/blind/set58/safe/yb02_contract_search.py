"""Contract repository search endpoint for the legal ops dashboard."""
import logging

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

SORTABLE = {"effective_date", "counterparty", "value", "title"}
STATUSES = ("active", "expired", "terminated", "draft")


class ContractQuery:
    """Collects the filters coming from the dashboard search form."""

    def __init__(self, params):
        self.counterparty = params.get("counterparty", "").strip()
        self.status = params.get("status", "active")
        self.sort = params.get("sort", "effective_date")
        self.limit = min(int(params.get("limit", 50)), 500)

    def where_clause(self):
        clauses = ["c.status = %s"]
        params = [self.status]
        if self.counterparty:
            clauses.append("c.counterparty ILIKE %s")
            params.append("%" + self.counterparty + "%")
        return " AND ".join(clauses), params

    def order_by(self):
        return self.sort if self.sort in SORTABLE else "effective_date"


def run_search(query: ContractQuery):
    where, params = query.where_clause()
    sql = (
        "SELECT c.id, c.title, c.counterparty, c.effective_date, c.value "
        "FROM contracts_contract c WHERE " + where
        + " ORDER BY c." + query.order_by()
        + " LIMIT %s"
    )
    params.append(query.limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cols = [col[0] for col in cursor.description]
        return [dict(zip(cols, row)) for row in cursor.fetchall()]


@require_GET
def search_contracts(request):
    try:
        query = ContractQuery(request.GET)
    except ValueError:
        return HttpResponseBadRequest("limit must be an integer")
    results = run_search(query)
    logger.info("contract search (%r) returned %d rows", query.status, len(results))
    return JsonResponse({"results": results, "statuses": STATUSES})
