from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Invoice

SORT_COLUMNS = {
    "due": "due_date",
    "amount": "amount DESC",
    "number": "number",
}


@require_GET
def overdue_invoices(request):
    order_by = SORT_COLUMNS.get(request.GET.get("sort", "due"), "due_date")
    region = request.GET.get("region", "EU")
    sql = (
        "SELECT * FROM billing_invoice "
        "WHERE paid = false AND region = %s "
        "ORDER BY " + order_by
    )
    invoices = Invoice.objects.raw(sql, [region])
    data = [
        {"number": inv.number, "amount": str(inv.amount), "due": inv.due_date.isoformat()}
        for inv in invoices
    ]
    return JsonResponse({"invoices": data})
