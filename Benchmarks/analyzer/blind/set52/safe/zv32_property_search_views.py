"""Django views for the public property search page."""
import logging

from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from listings.models import Property

log = logging.getLogger("property_search")

NUMERIC_FILTERS = {"min_price": "price >=", "max_price": "price <=", "beds": "bedrooms >=", "baths": "bathrooms >="}
ORDERINGS = {"newest": "listed_at DESC", "price_asc": "price ASC", "price_desc": "price DESC"}


def collect_filters(params):
    filters = {}
    for key in ("city", "property_type", "postcode_prefix", *NUMERIC_FILTERS):
        value = params.get(key, "").strip()
        if value:
            filters[key] = value
    return filters


def build_where(filters):
    clauses = ["status = 'active'"]
    params = []
    if "city" in filters:
        clauses.append("LOWER(city) = LOWER(%s)")
        params.append(filters["city"])
    if "property_type" in filters:
        clauses.append("property_type = %s")
        params.append(filters["property_type"])
    if "postcode_prefix" in filters:
        clauses.append("postcode LIKE %s")
        params.append(filters["postcode_prefix"].upper() + "%")
    for key, expr in NUMERIC_FILTERS.items():
        if key in filters and filters[key].isdigit():
            clauses.append(f"{expr} %s")
            params.append(int(filters[key]))
    return " AND ".join(clauses), params


@require_GET
def search(request):
    filters = collect_filters(request.GET)
    order = ORDERINGS.get(request.GET.get("sort"), "listed_at DESC")
    where, params = build_where(filters)
    sql = f"SELECT * FROM listings_property WHERE {where} ORDER BY {order}"
    results = list(Property.objects.raw(sql, params))
    page = Paginator(results, 24).get_page(request.GET.get("page"))
    return JsonResponse({
        "count": len(results),
        "results": [{"id": p.id, "title": p.title, "price": p.price, "city": p.city} for p in page],
    })


@require_GET
def city_stats(request):
    city = request.GET.get("city", "")
    with connection.cursor() as cur:
        cur.execute(
            "SELECT property_type, COUNT(*), AVG(price) FROM listings_property "
            "WHERE status = 'active' AND city = %s GROUP BY property_type", [city]
        )
        rows = cur.fetchall()
    return JsonResponse({"city": city, "stats": [{"type": t, "count": c, "avg_price": float(a or 0)} for t, c, a in rows]})
