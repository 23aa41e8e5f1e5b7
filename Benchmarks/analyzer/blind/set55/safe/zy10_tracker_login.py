"""Authentication views for the experiment tracking UI."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("tracker.auth")

DEFAULT_LANDING = "/experiments/"
LOGIN_TEMPLATE = "tracker/login.html"


def _requested_landing(request, fallback: str = DEFAULT_LANDING) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        if request.user.is_authenticated:
            return HttpResponseRedirect(DEFAULT_LANDING)
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None:
        log.info("failed tracker login for %r", username)
        context = {"error": "Invalid username or password", "next": request.POST.get("next", "")}
        return render(request, LOGIN_TEMPLATE, context, status=401)

    login(request, user)
    destination = _requested_landing(request)
    log.info("user %r signed in", user.get_username())
    return HttpResponseRedirect(destination)


@require_http_methods(["GET", "POST"])
def logout_view(request):
    logout(request)
    return HttpResponseRedirect(_requested_landing(request, fallback="/"))


def switch_workspace(request, workspace_slug):
    if not request.user.is_authenticated:
        return HttpResponseRedirect("/login/?next=/experiments/")
    request.session["workspace"] = workspace_slug
    return HttpResponseRedirect(DEFAULT_LANDING)
