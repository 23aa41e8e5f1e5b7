"""Login / logout flow for the core-facility booking site (Django + institutional SSO)."""
import logging
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login, logout
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.views.decorators.http import require_GET

from .sso import exchange_code_for_user

log = logging.getLogger(__name__)

SESSION_NEXT = "sso_next"
SESSION_STATE = "sso_state"


def _remember_destination(request):
    dest = request.GET.get("next") or settings.LOGIN_REDIRECT_URL
    request.session[SESSION_NEXT] = dest


@require_GET
def start_login(request):
    _remember_destination(request)
    state = secrets.token_urlsafe(24)
    request.session[SESSION_STATE] = state
    params = urlencode({
        "client_id": settings.SSO_CLIENT_ID,
        "redirect_uri": request.build_absolute_uri("/accounts/sso/callback/"),
        "response_type": "code",
        "scope": "openid email profile",
        "state": state,
    })
    return HttpResponseRedirect(f"{settings.SSO_AUTHORIZE_URL}?{params}")


@require_GET
def sso_callback(request):
    expected = request.session.pop(SESSION_STATE, None)
    if not expected or not secrets.compare_digest(request.GET.get("state", ""), expected):
        return HttpResponseBadRequest("state mismatch")
    user = exchange_code_for_user(request.GET.get("code", ""))
    if user is None:
        return HttpResponseBadRequest("login failed")
    destination = request.session.pop(SESSION_NEXT, settings.LOGIN_REDIRECT_URL)
    login(request, user)
    log.info("user %s logged in via SSO", user.pk)
    return HttpResponseRedirect(destination)  # VULN flow


@require_GET
def sign_out(request):
    logout(request)
    return HttpResponseRedirect(request.GET.get("next", "/"))  # VULN
