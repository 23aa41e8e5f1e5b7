"""Authentication views for the recall coordination portal.

Retail partners land here from links in recall e-mails, e.g.
``/portal/login/?next=/recalls/2024-017/ack/``.
"""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("recall.auth")
DEFAULT_LANDING = "/recalls/active/"


def _is_local(request, target: str) -> bool:
    return url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    target = target.strip()
    return target if target and _is_local(request, target) else DEFAULT_LANDING


def _record_login(request, user) -> None:
    ip = request.META.get("REMOTE_ADDR", "?")
    log.info("portal login user_id=%s org=%s ip=%s", user.pk, getattr(user, "org_id", None), ip)


@require_http_methods(["GET", "POST"])
def portal_login(request):
    target = _next_target(request)
    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            _record_login(request, user)
            return HttpResponseRedirect(target)
    else:
        if request.user.is_authenticated:
            return HttpResponseRedirect(DEFAULT_LANDING)
        form = AuthenticationForm(request)
    return render(request, "portal/login.html", {"form": form, "next": target})


@require_http_methods(["GET", "POST"])
def portal_logout(request):
    user_id = getattr(request.user, "pk", None)
    logout(request)
    log.info("portal logout user_id=%s", user_id)
    return_to = request.GET.get("return_to", "")
    if not return_to or not _is_local(request, return_to):
        return_to = settings.LOGOUT_REDIRECT_URL
    return HttpResponseRedirect(return_to)
