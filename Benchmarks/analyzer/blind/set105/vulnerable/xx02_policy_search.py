"""Broker portal: policy search across the broker's book of business."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

SORTABLE = {"effective_date", "expiry_date", "annual_premium", "policy_number"}
PAGE_SIZE = 50

BASE_QUERY = """
    SELECT p.policy_number, h.first_name, h.last_name, p.product_code,
           p.status, p.effective_date, p.expiry_date, p.annual_premium
    FROM policies p
    JOIN policyholders h ON h.id = p.holder_id
"""


def _build_filters(params, broker_id):
    clauses = ["p.broker_id = %s"]
    values = [broker_id]

    holder = (params.get("holder") or "").strip()
    if holder:
        clauses.append(f"LOWER(h.last_name) LIKE LOWER('{holder}%%')")

    products = [c for c in params.getlist("product") if c]
    if products:
        quoted = ", ".join("'%s'" % code for code in products)
        clauses.append(f"p.product_code IN ({quoted})")

    status = params.get("status")
    if status:
        clauses.append("p.status = %s")
        values.append(status)
    return clauses, values


def _order_by(params):
    column = params.get("sort", "effective_date")
    if column not in SORTABLE:
        column = "effective_date"
    direction = "DESC" if params.get("dir") == "desc" else "ASC"
    return f"ORDER BY p.{column} {direction}"


@login_required
@require_GET
def search_policies(request):
    profile = getattr(request.user, "broker_profile", None)
    if profile is None:
        return HttpResponseBadRequest("not a broker account")
    try:
        page = max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return HttpResponseBadRequest("bad page")

    clauses, values = _build_filters(request.GET, profile.id)
    sql = BASE_QUERY + " WHERE " + " AND ".join(clauses) + " " + _order_by(request.GET)
    sql += f" LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}"

    with connection.cursor() as cursor:
        cursor.execute(sql, values)  # VULN flow
        cols = [c[0] for c in cursor.description]
        rows = [dict(zip(cols, r)) for r in cursor.fetchall()]

    logger.info("broker %s policy search returned %d rows", profile.id, len(rows))
    return JsonResponse({"page": page, "results": rows}, json_dumps_params={"default": str})
