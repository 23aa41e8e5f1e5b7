"""Views for the service-customer portal (book MOTs, track repairs)."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("service.portal")

DEFAULT_LANDING = "/service/appointments/"
LOGIN_TEMPLATE = "service/login.html"


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    target = target.strip()
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def customer_login(request):
    if request.method == "GET":
        if request.user.is_authenticated:
            return redirect(DEFAULT_LANDING)
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    user = authenticate(request, username=email, password=password)
    if user is None or not user.is_active:
        log.info("failed service-portal login for %r", email)
        return render(
            request,
            LOGIN_TEMPLATE,
            {"error": "Invalid email or password.", "next": request.POST.get("next", "")},
            status=401,
        )

    login(request, user)
    log.info("customer %s signed in", user.pk)
    destination = _next_target(request)
    return HttpResponseRedirect(destination)


def customer_logout(request):
    logout(request)
    return redirect(_next_target(request) if request.GET.get("next") else "/")


def booking_shortcut(request, booking_ref):
    """Links in reminder e-mails land here first and need a login."""
    if not request.user.is_authenticated:
        return redirect(f"/service/login/?next=/service/bookings/{booking_ref}/")
    return redirect(f"/service/bookings/{booking_ref}/")
