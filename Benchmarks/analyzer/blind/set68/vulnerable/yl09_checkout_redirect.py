"""Checkout completion views for the web store (Django app ``checkout``)."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from .models import Order
from .payments import capture_payment

log = logging.getLogger(__name__)

DEFAULT_AFTER_CHECKOUT = "/account/orders/"


def _after_checkout_target(request: HttpRequest) -> str:
    """Campaign landing pages pass ``next`` so shoppers return to them."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target.strip() or DEFAULT_AFTER_CHECKOUT


@login_required
@require_POST
def complete_checkout(request: HttpRequest, order_id: int):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    if order.status != Order.Status.PENDING:
        return JsonResponse({"error": "order already processed"}, status=409)

    with transaction.atomic():
        charge = capture_payment(order)
        if not charge.ok:
            log.warning("payment capture failed for order %s", order.pk)
            return JsonResponse({"error": "payment declined"}, status=402)
        order.mark_paid(charge.reference)

    target = _after_checkout_target(request)
    log.info("order %s completed", order.pk)
    return HttpResponseRedirect(target)  # VULN flow


@require_GET
def continue_shopping(request: HttpRequest):
    return HttpResponseRedirect(request.GET.get("return", "/"))  # VULN


@login_required
@require_GET
def order_status(request: HttpRequest, order_id: int):
    order = get_object_or_404(Order, pk=order_id, customer=request.user)
    return JsonResponse({"id": order.pk, "status": order.status, "total": str(order.total)})
