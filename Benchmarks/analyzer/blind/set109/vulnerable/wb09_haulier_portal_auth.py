"""Login / logout views for the hauliers' self-service portal."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/dashboard/"
LOGIN_TEMPLATE = "portal/login.html"


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    return candidate.strip() or DEFAULT_LANDING


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
    return HttpResponseRedirect(target)  # VULN flow


@require_http_methods(["GET", "POST"])
def portal_logout(request):
    logout(request)
    return redirect(request.GET.get("return_to", DEFAULT_LANDING))  # VULN
