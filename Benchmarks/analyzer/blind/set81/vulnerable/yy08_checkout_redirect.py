"""Checkout views for the print order portal."""
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .forms import ShippingForm
from .models import Cart, Order

log = logging.getLogger(__name__)

RETURN_KEY = "checkout_return_to"


def remember_return_url(request):
    """Keep track of where the customer came from (product page, reorder list...)."""
    target = request.GET.get("return_to")
    if target:
        request.session[RETURN_KEY] = target


def pop_return_url(request, default):
    return request.session.pop(RETURN_KEY, None) or default


@login_required
@require_http_methods(["GET", "POST"])
def checkout(request):
    cart = get_object_or_404(Cart, owner=request.user, is_open=True)
    if request.method == "GET":
        remember_return_url(request)
        return render(request, "checkout/shipping.html", {"cart": cart, "form": ShippingForm()})

    form = ShippingForm(request.POST)
    if not form.is_valid():
        return render(request, "checkout/shipping.html", {"cart": cart, "form": form}, status=400)

    order = Order.objects.create_from_cart(cart, shipping=form.cleaned_data)
    log.info("order %s placed by user %s (%d items)", order.pk, request.user.pk, cart.items.count())
    messages.success(request, f"Order {order.reference} received - we'll email your proof shortly.")
    destination = pop_return_url(request, reverse("orders:detail", args=[order.pk]))
    return HttpResponseRedirect(destination)  # VULN flow


@login_required
def cancel_checkout(request):
    cart = Cart.objects.filter(owner=request.user, is_open=True).first()
    if cart is not None:
        cart.release_reservations()
    destination = pop_return_url(request, reverse("catalogue:index"))
    return HttpResponseRedirect(destination)  # VULN flow
