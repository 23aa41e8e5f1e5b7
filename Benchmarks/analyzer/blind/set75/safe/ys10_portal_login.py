"""Subcontractor portal login / logout views."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard/"
SUBCONTRACTOR_LANDING = "/portal/bids/"


def _is_local(request: HttpRequest, url: str) -> bool:
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _landing_for(request: HttpRequest, user, requested: str) -> str:
    if requested and _is_local(request, requested):
        return requested
    if user.groups.filter(name="subcontractor").exists():
        return SUBCONTRACTOR_LANDING
    return DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def portal_login(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "portal/login.html", {"next": request.GET.get("next", "")})

    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        log.info("failed portal login for %r", request.POST.get("username", ""))
        return render(
            request,
            "portal/login.html",
            {"error": "Invalid credentials", "next": request.POST.get("next", "")},
            status=401,
        )
    login(request, user)
    target = _landing_for(request, user, request.POST.get("next", ""))
    return HttpResponseRedirect(target)


@require_http_methods(["GET", "POST"])
def portal_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    requested = request.GET.get("next", "/")
    return HttpResponseRedirect(requested if _is_local(request, requested) else "/")
