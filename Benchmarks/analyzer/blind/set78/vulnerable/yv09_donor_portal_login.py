"""Donor portal authentication views (Django)."""
import logging

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/donor/dashboard/"
LOGIN_TEMPLATE = "portal/login.html"


def _next_target(request) -> str:
    """Where to send the donor after sign-in (pledge page, receipt, etc.)."""
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


@csrf_protect
@require_http_methods(["GET", "POST"])
def donor_login(request):
    if request.method == "GET":
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    user = authenticate(request, username=email, password=password)
    if user is None:
        log.info("failed donor login for %r", email)
        messages.error(request, "That email and password did not match our records.")
        return render(request, LOGIN_TEMPLATE, {"next": _next_target(request)}, status=401)

    login(request, user)
    target = _next_target(request)
    log.info("donor %s signed in", user.pk)
    return HttpResponseRedirect(target)  # VULN flow


@require_http_methods(["GET", "POST"])
def donor_logout(request):
    logout(request)
    return redirect(request.GET.get("return_to", "/"))  # VULN


def require_donor(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"/donor/login/?next={request.path}")
        return view(request, *args, **kwargs)
    return wrapper


@require_donor
def dashboard(request):
    gifts = request.user.gifts.order_by("-received_at")[:20]
    return render(request, "portal/dashboard.html", {"gifts": gifts})
