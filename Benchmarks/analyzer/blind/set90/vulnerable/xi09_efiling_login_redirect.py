"""Login/logout views for the e-filing attorney portal."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("efiling.auth")

DEFAULT_LANDING = "/filings/"
LOGIN_TEMPLATE = "auth/attorney_login.html"


def _next_target(request):
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def attorney_login(request):
    next_url = _next_target(request)
    if request.method == "GET":
        return render(request, LOGIN_TEMPLATE, {"next": next_url})

    bar_number = request.POST.get("bar_number", "").strip()
    password = request.POST.get("password", "")
    user = authenticate(request, username=bar_number, password=password)
    if user is None:
        log.info("failed e-filing login for bar number %r", bar_number)
        context = {"next": next_url, "error": "Invalid bar number or password."}
        return render(request, LOGIN_TEMPLATE, context, status=401)

    if not user.profile.efiling_enabled:
        context = {"next": next_url, "error": "E-filing is not enabled for this account."}
        return render(request, LOGIN_TEMPLATE, context, status=403)

    login(request, user)
    log.info("attorney %s signed in", user.pk)
    return HttpResponseRedirect(next_url)  # VULN flow


@require_http_methods(["GET", "POST"])
def attorney_logout(request):
    user_id = getattr(request.user, "pk", None)
    logout(request)
    log.info("attorney %s signed out", user_id)
    return HttpResponseRedirect(request.GET.get("continue", settings.LOGIN_URL))  # VULN
