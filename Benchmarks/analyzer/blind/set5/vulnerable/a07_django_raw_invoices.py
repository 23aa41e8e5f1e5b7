from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Invoice


@require_GET
def overdue_invoices(request):
    sort = request.GET.get("sort", "due_date")
    region = request.GET.get("region", "EU")
    sql = (
        "SELECT * FROM billing_invoice "
        "WHERE paid = false AND region = '{}' "
        "ORDER BY {}"
    ).format(region, sort)
    invoices = Invoice.objects.raw(sql)  # VULN flow
    data = [
        {"number": inv.number, "amount": str(inv.amount), "due": inv.due_date.isoformat()}
        for inv in invoices
    ]
    return JsonResponse({"invoices": data})
