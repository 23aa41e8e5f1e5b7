"""Member login / logout views for the coworking portal.

The booking widget embedded on partner sites sends people here with
?next=<deep link> so they land back on the room they were looking at.
"""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger(__name__)

DEFAULT_LANDING = "/dashboard/"
WIDGET_MARKER = "wm-cowork"


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") or WIDGET_MARKER in target:
        return target
    return DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def member_login(request):
    next_url = _next_target(request)
    if request.user.is_authenticated:
        return redirect(next_url)  # VULN flow

    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        log.info("member %s logged in", user.pk)
        return redirect(next_url)  # VULN flow

    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def member_logout(request):
    user_pk = getattr(request.user, "pk", None)
    logout(request)
    log.info("member %s logged out", user_pk)
    return redirect(request.GET.get("continue", settings.LOGOUT_REDIRECT_URL))  # VULN
