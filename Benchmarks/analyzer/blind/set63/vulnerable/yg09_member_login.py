"""Member portal authentication views for the club management site."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("members.auth")

DEFAULT_LANDING = "/members/dashboard/"
LOGIN_TEMPLATE = "members/login.html"


def _next_target(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


def _login_context(request: HttpRequest, **extra) -> dict:
    ctx = {"next": request.POST.get("next") or request.GET.get("next", "")}
    ctx.update(extra)
    return ctx


@require_http_methods(["GET", "POST"])
def member_login(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        if request.user.is_authenticated:
            return redirect(DEFAULT_LANDING)
        return render(request, LOGIN_TEMPLATE, _login_context(request))

    username = request.POST.get("username", "").strip()
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None:
        log.info("failed login for %r", username)
        return render(request, LOGIN_TEMPLATE,
                      _login_context(request, error="Invalid credentials"), status=401)
    if not user.is_active:
        return render(request, LOGIN_TEMPLATE,
                      _login_context(request, error="Membership lapsed"), status=403)

    login(request, user)
    destination = _next_target(request)
    log.info("member %s signed in", user.pk)
    return redirect(destination)  # VULN flow


@require_http_methods(["GET", "POST"])
def member_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(request.GET.get("then", "/"))  # VULN
