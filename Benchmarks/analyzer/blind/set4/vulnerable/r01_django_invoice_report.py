from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

ALLOWED_STATUSES = {"draft", "sent", "paid", "void"}


def _ordering(request):
    field = request.GET.get("order_by", "created_at")
    direction = "DESC" if request.GET.get("desc") == "1" else "ASC"
    return f"{field} {direction}"


def _fetch_invoices(status, ordering):
    sql = (
        "SELECT id, number, total, status, created_at FROM billing_invoice "
        "WHERE status = %s ORDER BY " + ordering
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [status])  # VULN flow
        columns = [col[0] for col in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


@require_GET
def invoice_report(request):
    status = request.GET.get("status", "sent")
    if status not in ALLOWED_STATUSES:
        return JsonResponse({"error": "unknown status"}, status=400)
    rows = _fetch_invoices(status, _ordering(request))
    return JsonResponse({"count": len(rows), "results": rows})
