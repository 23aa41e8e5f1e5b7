"""Login / logout views for the customer booking portal."""
import logging

from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/trips/"


def _next_target(request, key="next"):
    target = request.POST.get(key) or request.GET.get(key) or ""
    target = target.strip()
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = _next_target(request)
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_url)

    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        log.info("customer %s signed in", user.pk)
        response = HttpResponseRedirect(next_url)
        response.set_cookie("last_login_method", "password", max_age=30 * 86400, samesite="Lax")
        return response

    return render(request, "portal/login.html", {"form": form, "next": next_url})


def logout_view(request):
    if request.user.is_authenticated:
        log.info("customer %s signed out", request.user.pk)
    logout(request)
    return redirect(_next_target(request, "return_to"))


def switch_currency(request, code):
    request.session["currency"] = code.upper()[:3]
    back = request.META.get("HTTP_REFERER") or DEFAULT_LANDING
    if not back.startswith(request.build_absolute_uri("/")):
        back = DEFAULT_LANDING
    return redirect(back)
