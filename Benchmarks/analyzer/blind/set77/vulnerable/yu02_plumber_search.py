"""Search endpoint for plumbers by service area and specialty."""
import logging

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

SORTABLE = {
    "rating": "p.avg_rating DESC",
    "price": "p.hourly_rate ASC",
    "newest": "p.created_at DESC",
}
PAGE_SIZE = 25


def _build_filters(params):
    clauses = ["p.active = 1"]
    postcode = params.get("postcode", "").strip().upper()
    if postcode:
        clauses.append("a.postcode LIKE '%s%%'" % postcode)
    specialty = params.get("specialty")
    if specialty:
        clauses.append("p.specialty = '%s'" % specialty)
    if params.get("max_rate"):
        try:
            clauses.append("p.hourly_rate <= %d" % int(params["max_rate"]))
        except ValueError:
            pass
    if params.get("emergency") == "1":
        clauses.append("p.offers_emergency = 1")
    return " AND ".join(clauses)


def _order_clause(key):
    return SORTABLE.get(key, SORTABLE["rating"])


@require_GET
def search_plumbers(request):
    params = request.GET.dict()
    try:
        page = max(int(params.get("page", 1)), 1)
    except ValueError:
        return HttpResponseBadRequest("page must be an integer")

    where = _build_filters(params)
    order = _order_clause(params.get("sort"))
    sql = (
        "SELECT DISTINCT p.id, p.display_name, p.specialty, p.hourly_rate, p.avg_rating "
        "FROM plumbers p JOIN service_areas a ON a.plumber_id = p.id "
        f"WHERE {where} ORDER BY {order} LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}"
    )
    with connection.cursor() as cur:
        cur.execute(sql)  # VULN flow
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]

    logger.info("plumber search page=%d returned %d rows", page, len(rows))
    return JsonResponse({"page": page, "results": rows})
