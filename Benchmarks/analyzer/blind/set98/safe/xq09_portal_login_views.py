"""Login / logout views for the spotter and partner portal."""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard/"


def _landing_url(request) -> str:
    """Where to send the user after auth; spotter reports deep-link here."""
    target = request.POST.get("next") or request.GET.get("next")
    if not target:
        target = request.session.get("post_login_target", DEFAULT_LANDING)
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return DEFAULT_LANDING
    return target


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def portal_login(request):
    next_url = _landing_url(request)
    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            request.session.pop("post_login_target", None)
            log.info("portal login user_id=%s", user.pk)
            return HttpResponseRedirect(next_url)
        log.info("portal login failed")
    else:
        if request.user.is_authenticated:
            return HttpResponseRedirect(DEFAULT_LANDING)
        form = AuthenticationForm(request)

    return render(request, "portal/login.html", {
        "form": form,
        "next": next_url,
        "support_email": getattr(settings, "PORTAL_SUPPORT_EMAIL", "support@example-weather.net"),
    })


@require_http_methods(["POST"])
def portal_logout(request):
    logout(request)
    return HttpResponseRedirect("/")


def remember_target(request):
    """Middleware helper: stash the page a logged-out user tried to view."""
    if not request.user.is_authenticated and request.method == "GET":
        request.session["post_login_target"] = request.get_full_path()
