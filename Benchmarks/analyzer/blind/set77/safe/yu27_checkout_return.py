"""Django views handling the return leg of the hosted payment page.

The payment provider sends the customer back to /checkout/complete with the
booking reference and the page they started checkout from.
"""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from bookings.models import Booking

logger = logging.getLogger(__name__)


def _local_only(request, candidate, fallback: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def _return_target(request, booking) -> str:
    fallback = reverse("booking-detail", args=[booking.pk])
    candidate = request.GET.get("return_url") or request.session.pop("checkout_origin", None)
    return _local_only(request, candidate, fallback)


@require_GET
@login_required
def checkout_complete(request):
    ref = request.GET.get("booking")
    if not ref:
        return HttpResponseBadRequest("missing booking reference")
    booking = get_object_or_404(Booking, reference=ref, customer=request.user)
    status = request.GET.get("status", "failed")
    if status == "paid" and booking.status == Booking.PENDING_PAYMENT:
        booking.mark_paid(provider_ref=request.GET.get("psp_ref", ""))
        logger.info("booking %s marked paid", booking.pk)
    target = _return_target(request, booking)
    return HttpResponseRedirect(target)


@require_GET
@login_required
def checkout_cancelled(request):
    ref = request.GET.get("booking")
    booking = get_object_or_404(Booking, reference=ref, customer=request.user)
    if booking.status == Booking.PENDING_PAYMENT:
        booking.release_slot()
    return redirect(_local_only(request, request.GET.get("continue"), "/"))


@login_required
def start_checkout(request, pk: int):
    booking = get_object_or_404(Booking, pk=pk, customer=request.user)
    request.session["checkout_origin"] = request.META.get("HTTP_REFERER", "/")
    return redirect(booking.hosted_payment_url())
