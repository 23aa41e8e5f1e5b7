"""Back-office views for the warehouse team: order lookup and bulk status."""
import logging

from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .models import Order

logger = logging.getLogger(__name__)

STATUSES = {"pending", "picking", "shipped", "cancelled"}


def _order_filters(params) -> str:
    conditions = []
    if params.get("status"):
        conditions.append("o.status = '%s'" % params["status"])
    if params.get("customer"):
        conditions.append("c.email LIKE '%%%s%%'" % params["customer"])
    return " AND ".join(conditions) or "TRUE"


@staff_member_required
@require_GET
def order_lookup(request: HttpRequest) -> JsonResponse:
    where = _order_filters(request.GET)
    sql = (
        "SELECT o.id, o.reference, o.status, c.email, o.total_cents "
        "FROM shop_order o JOIN shop_customer c ON c.id = o.customer_id "
        "WHERE " + where + " ORDER BY o.created_at DESC LIMIT 100"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)  # VULN flow
        cols = [c[0] for c in cursor.description]
        rows = [dict(zip(cols, r)) for r in cursor.fetchall()]
    return JsonResponse({"orders": rows})


@staff_member_required
@require_POST
def bulk_update_status(request: HttpRequest) -> HttpResponse:
    status = request.POST.get("status")
    ids = [int(i) for i in request.POST.getlist("order_id") if i.isdigit()]
    if status not in STATUSES or not ids:
        return HttpResponse("bad request", status=400)
    updated = Order.objects.filter(pk__in=ids).update(status=status)
    logger.info("staff %s set %d orders to %s", request.user.pk, updated, status)
    return HttpResponseRedirect(request.POST.get("next", "/backoffice/orders/"))  # VULN
