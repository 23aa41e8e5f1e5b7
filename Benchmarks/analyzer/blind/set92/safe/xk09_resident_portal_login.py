"""Login/logout views for the apartment building resident portal.

Residents land here from e-mailed links such as
``/portal/login/?next=/portal/locks/`` and are sent back after signing in.
"""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/dashboard/"
LOGIN_TEMPLATE = "portal/login.html"


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    target = target.strip()
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return DEFAULT_LANDING
    return target or DEFAULT_LANDING


@csrf_protect
@require_http_methods(["GET", "POST"])
def portal_login(request):
    if request.method == "GET":
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    username = request.POST.get("username", "")
    password = request.POST.get("password", "")
    user = authenticate(request, username=username, password=password)
    if user is None:
        log.warning("failed portal login for %r", username)
        return render(
            request,
            LOGIN_TEMPLATE,
            {"error": "Invalid credentials", "next": request.POST.get("next", "")},
            status=401,
        )
    login(request, user)
    target = _next_target(request)
    log.info("resident %s signed in", user.pk)
    return HttpResponseRedirect(target)


@require_http_methods(["POST"])
def portal_logout(request):
    logout(request)
    return HttpResponseRedirect("/portal/login/")


def landing(request):
    if not request.user.is_authenticated:
        return HttpResponseRedirect("/portal/login/?next=" + DEFAULT_LANDING)
    units = request.user.units.select_related("building").all()
    return render(request, "portal/dashboard.html", {"units": units})
