"""Login / logout views for the flight operations portal."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("ops.auth")

DEFAULT_LANDING = "/ops/dashboard/"
ROLE_LANDING = {
    "dispatch": "/ops/dispatch/",
    "crew_control": "/ops/crew/",
    "mcc": "/ops/maintenance/",
}


def _is_local(request, url):
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _landing_for(request, user, requested):
    if requested and _is_local(request, requested):
        return requested
    for group, landing in ROLE_LANDING.items():
        if user.groups.filter(name=group).exists():
            return landing
    return DEFAULT_LANDING


@csrf_protect
@require_http_methods(["GET", "POST"])
def ops_login(request):
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if request.method == "GET":
        return render(request, "ops/login.html", {"next": next_url})

    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None:
        log.info("failed ops login for %r", username)
        return render(
            request,
            "ops/login.html",
            {"next": next_url, "error": "Invalid staff number or password"},
            status=401,
        )
    login(request, user)
    log.info("ops login %r", user.get_username())
    return HttpResponseRedirect(_landing_for(request, user, next_url))


@require_http_methods(["GET", "POST"])
def ops_logout(request):
    if request.user.is_authenticated:
        log.info("ops logout %r", request.user.get_username())
    logout(request)
    target = request.GET.get("next", "/ops/login/")
    if not _is_local(request, target):
        target = "/ops/login/"
    return HttpResponseRedirect(target)
