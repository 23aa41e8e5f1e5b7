from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse

SORTABLE_COLUMNS = {"name", "created_at", "price"}


def product_list(request):
    sort = request.GET.get("sort", "name")
    if sort not in SORTABLE_COLUMNS:
        return HttpResponseBadRequest("invalid sort column")
    direction = "DESC" if request.GET.get("desc") == "1" else "ASC"
    with connection.cursor() as cur:
        cur.execute(f"SELECT id, name, price FROM catalog_product ORDER BY {sort} {direction}")
        rows = cur.fetchall()
    return JsonResponse({"products": [{"id": i, "name": n, "price": str(p)} for i, n, p in rows]})
