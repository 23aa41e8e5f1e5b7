"""Login / logout views for the research computing self-service portal."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard/"
LOGIN_TEMPLATE = "portal/login.html"


def _is_local(request, url: str) -> bool:
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _next_target(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or DEFAULT_LANDING
    return candidate if _is_local(request, candidate) else DEFAULT_LANDING


@csrf_protect
@require_http_methods(["GET", "POST"])
def portal_login(request):
    target = _next_target(request)
    if request.user.is_authenticated:
        return HttpResponseRedirect(target)
    if request.method == "POST":
        username = request.POST.get("username", "").strip()
        user = authenticate(request, username=username, password=request.POST.get("password", ""))
        if user is not None and user.is_active:
            login(request, user)
            log.info("login ok for %r", username)
            return HttpResponseRedirect(target)
        log.info("login failed for %r", username)
        return render(
            request,
            LOGIN_TEMPLATE,
            {"next": target, "error": "Invalid username or password."},
            status=401,
        )
    return render(request, LOGIN_TEMPLATE, {"next": target})


@require_http_methods(["GET", "POST"])
def portal_logout(request):
    logout(request)
    return_to = request.GET.get("return_to", "/")
    return redirect(return_to if _is_local(request, return_to) else "/")


def switch_project(request, project_id):
    memberships = request.user.project_memberships.values_list("project_id", flat=True)
    if project_id in memberships:
        request.session["active_project"] = project_id
    return redirect(DEFAULT_LANDING)
