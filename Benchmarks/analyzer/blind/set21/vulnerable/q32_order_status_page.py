"""Public order-tracking page for guest checkouts (Django)."""
import logging

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from shop.models import Order

log = logging.getLogger("shop.tracking")

STATUS_LABELS = {
    "paid": "Payment received",
    "packed": "Packed and waiting for pickup",
    "shipped": "On its way",
    "delivered": "Delivered",
}


def lookup_order(reference, email):
    return (
        Order.objects.filter(reference__iexact=reference, customer_email__iexact=email)
        .only("reference", "status", "carrier", "tracking_number")
        .first()
    )


def not_found_message(reference):
    text = f"We could not find an order with reference <strong>{reference}</strong>."
    text += " Please check the number in your confirmation e-mail."
    return text


@require_GET
def track_order(request):
    reference = request.GET.get("ref", "").strip()
    email = request.GET.get("email", "").strip()
    if not reference or not email:
        return render(request, "shop/track_form.html")
    order = lookup_order(reference, email)
    if order is None:
        log.info("tracking miss for %r", reference)
        notice = mark_safe(not_found_message(reference))  # VULN flow
        return render(request, "shop/track_form.html",
                      {"notice": notice}, status=404)
    context = {
        "order": order,
        "status_label": STATUS_LABELS.get(order.status, order.status),
    }
    return render(request, "shop/track_result.html", context)


def healthcheck(_request):
    return HttpResponse("ok", content_type="text/plain")
