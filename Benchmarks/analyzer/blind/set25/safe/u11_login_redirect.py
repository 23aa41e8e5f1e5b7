"""Sign-in and sign-out views for the customer portal."""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")


def _requested_target(request, default=None):
    fallback = default or settings.LOGIN_REDIRECT_URL
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = _requested_target(request)
    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            log.info("user id=%s signed in", user.pk)
            return HttpResponseRedirect(next_url)
        log.info("failed sign-in attempt for %r", request.POST.get("username", ""))
    else:
        form = AuthenticationForm(request)
    return render(request, "portal/login.html", {"form": form, "next": next_url})


@require_http_methods(["POST"])
def logout_view(request):
    user_id = getattr(request.user, "pk", None)
    logout(request)
    log.info("user id=%s signed out", user_id)
    destination = _requested_target(request, default=settings.LOGOUT_REDIRECT_URL)
    return HttpResponseRedirect(destination)
