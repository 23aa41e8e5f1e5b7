"""accounts/views.py - login/logout for the partner portal (Django)."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.accounts")

DEFAULT_LANDING = "/dashboard/"
LOGIN_TEMPLATE = "accounts/login.html"


def _post_login_target(request):
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


@csrf_protect
@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None or not user.is_active:
        log.info("failed portal login for %r", username)
        context = {"error": "Invalid credentials", "next": request.POST.get("next", "")}
        return render(request, LOGIN_TEMPLATE, context, status=401)

    login(request, user)
    request.session.set_expiry(8 * 3600)
    target = _post_login_target(request)
    log.info("portal login for %r, continuing to %r", username, target)
    return HttpResponseRedirect(target)  # VULN flow


@require_http_methods(["POST"])
def logout_view(request):
    logout(request)
    return HttpResponseRedirect("/accounts/login/")
