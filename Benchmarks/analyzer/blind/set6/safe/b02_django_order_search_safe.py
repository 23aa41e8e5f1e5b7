from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

ORDER_COLUMNS = "o.id, o.reference, o.total_cents, o.status, c.email"
RESULT_KEYS = ["id", "reference", "total_cents", "status", "email"]


def _build_search_sql(status, customer):
    sql = (
        "SELECT " + ORDER_COLUMNS + " FROM shop_order o "
        "JOIN shop_customer c ON c.id = o.customer_id WHERE 1=1"
    )
    params = []
    if status:
        sql += " AND o.status = %s"
        params.append(status)
    if customer:
        sql += " AND c.email LIKE %s"
        params.append("%" + customer + "%")
    return sql + " ORDER BY o.created_at DESC LIMIT 200", params


@require_GET
def order_search(request):
    if not request.user.is_authenticated or not request.user.is_staff:
        return JsonResponse({"error": "forbidden"}, status=403)

    sql, params = _build_search_sql(request.GET.get("status"), request.GET.get("q"))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    results = [dict(zip(RESULT_KEYS, row)) for row in rows]
    return JsonResponse({"count": len(results), "results": results})


@require_GET
def order_detail(request, order_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ORDER_COLUMNS + " FROM shop_order o "
            "JOIN shop_customer c ON c.id = o.customer_id WHERE o.id = %s",
            [order_id],
        )
        row = cursor.fetchone()
    if row is None:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(dict(zip(RESULT_KEYS, row)))
