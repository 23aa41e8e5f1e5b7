"""Views for the distributor ordering portal."""
import logging

from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from .models import Order, Product

log = logging.getLogger(__name__)
DEFAULT_LANDING = "/orders/"


@require_http_methods(["GET", "POST"])
def portal_login(request):
    next_url = request.GET.get("next") or request.POST.get("next") or DEFAULT_LANDING
    if request.method == "GET":
        return render(request, "portal/login.html", {"next": next_url})

    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        return render(request, "portal/login.html", {"next": next_url, "error": True}, status=401)
    login(request, user)
    log.info("distributor user %s signed in", user.pk)
    return redirect(next_url)  # VULN flow


@login_required
def order_history(request):
    account = request.user.distributor.account_no
    status = request.GET.get("status", "open")
    sku = request.GET.get("sku", "").strip()

    query = (
        "SELECT id, account_no, sku, cases, status, placed_at FROM portal_order "
        f"WHERE account_no = '{account}' AND status = '{status}'"
    )
    if sku:
        query += f" AND sku LIKE '{sku}%'"
    query += " ORDER BY placed_at DESC"

    orders = Order.objects.raw(query)  # VULN flow
    data = [
        {"id": o.id, "sku": o.sku, "cases": o.cases, "status": o.status, "placed_at": o.placed_at.isoformat()}
        for o in orders
    ]
    return JsonResponse({"orders": data})


@login_required
@require_POST
def place_order(request):
    sku = request.POST.get("sku", "")
    try:
        cases = int(request.POST.get("cases", "0"))
    except ValueError:
        return HttpResponseBadRequest("cases must be a number")
    if cases <= 0 or cases > 500:
        return HttpResponseBadRequest("cases out of range")

    product = Product.objects.filter(sku=sku, available=True).first()
    if product is None:
        return HttpResponseBadRequest("unknown sku")

    order = Order.objects.create(
        account_no=request.user.distributor.account_no,
        sku=product.sku,
        cases=cases,
        status="open",
    )
    return JsonResponse({"id": order.id, "status": order.status}, status=201)
