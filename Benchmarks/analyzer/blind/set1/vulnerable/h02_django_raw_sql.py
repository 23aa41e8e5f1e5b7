from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Order


@require_GET
def orders_by_status(request):
    status = request.GET.get("status", "open")
    query = "SELECT * FROM shop_order WHERE status = '%s' ORDER BY created_at DESC" % status
    orders = Order.objects.raw(query)  # VULN flow
    data = [{"id": o.id, "total": str(o.total)} for o in orders]
    return JsonResponse({"orders": data})
