"""Member login/logout views for the gym member portal."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard/"
LOGIN_TEMPLATE = "portal/login.html"


def _next_target(request):
    """Where to send the member after login (booking pages pass ?next=)."""
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def member_login(request):
    if request.method == "GET":
        if request.user.is_authenticated:
            return HttpResponseRedirect(DEFAULT_LANDING)
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    user = authenticate(request, username=email, password=password)
    if user is None:
        log.info("failed login for %r", email)
        ctx = {"error": "Invalid email or password", "next": _next_target(request), "email": email}
        return render(request, LOGIN_TEMPLATE, ctx, status=401)
    if not user.is_active:
        return render(request, LOGIN_TEMPLATE, {"error": "Membership suspended"}, status=403)

    login(request, user)
    request.session.set_expiry(60 * 60 * 12 if request.POST.get("remember") else 0)
    destination = _next_target(request)
    log.info("member %s logged in", user.pk)
    return HttpResponseRedirect(destination)  # VULN flow


def member_logout(request):
    logout(request)
    return HttpResponseRedirect(request.GET.get("continue", settings.LOGOUT_REDIRECT_URL))  # VULN
