"""Customer login/logout views for the apiary supply web shop."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("shop.auth")

DEFAULT_NEXT = "/shop/account/"
LOGIN_TEMPLATE = "shop/login.html"


def _local_url(request, candidate: str, fallback: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def _next_target(request) -> str:
    """Where to send the customer after login (basket, checkout, account)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    return _local_url(request, candidate, DEFAULT_NEXT)


@csrf_protect
@require_http_methods(["GET", "POST"])
def shop_login(request):
    if request.method == "GET":
        if request.user.is_authenticated:
            return redirect(DEFAULT_NEXT)
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    email = request.POST.get("email", "").strip().lower()
    user = authenticate(request, username=email, password=request.POST.get("password", ""))
    if user is None:
        log.info("failed shop login for %r", email)
        return render(
            request,
            LOGIN_TEMPLATE,
            {"error": "Email or password is incorrect.", "next": _next_target(request)},
            status=401,
        )

    login(request, user)
    if request.POST.get("remember") != "on":
        request.session.set_expiry(0)
    target = _next_target(request)
    log.info("customer %s logged in", user.pk)
    return HttpResponseRedirect(target)


@require_http_methods(["GET", "POST"])
def shop_logout(request):
    logout(request)
    return redirect(_local_url(request, request.GET.get("return_to", ""), "/shop/"))
