"""Login / logout views for the hauliers' self-service portal."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/dashboard/"
LOGIN_TEMPLATE = "portal/login.html"


def _is_local(request, url: str) -> bool:
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _next_url(request) -> str:
    candidate = (request.POST.get("next") or request.GET.get("next") or "").strip()
    return candidate if candidate and _is_local(request, candidate) else DEFAULT_LANDING


def _login_context(request, **extra):
    ctx = {"next": request.POST.get("next") or request.GET.get("next", "")}
    ctx.update(extra)
    return ctx


@require_http_methods(["GET", "POST"])
def portal_login(request):
    if request.method == "GET":
        if request.user.is_authenticated:
            return redirect(DEFAULT_LANDING)
        return render(request, LOGIN_TEMPLATE, _login_context(request))

    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None or not user.is_active:
        log.info("failed portal login for %r", username)
        return render(request, LOGIN_TEMPLATE,
                      _login_context(request, error="Invalid username or password"), status=401)

    login(request, user)
    target = _next_url(request)
    log.info("portal login ok for user id %s", user.pk)
    return HttpResponseRedirect(target)


@require_http_methods(["GET", "POST"])
def portal_logout(request):
    logout(request)
    return_to = request.GET.get("return_to", DEFAULT_LANDING)
    return redirect(return_to if _is_local(request, return_to) else DEFAULT_LANDING)
