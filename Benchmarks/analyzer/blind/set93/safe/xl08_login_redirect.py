"""Account views for the tournament hub (Django)."""
import logging

from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("hub.accounts")

DEFAULT_LANDING = "/dashboard/"


def _is_local(request, target) -> bool:
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if not target:
        target = request.session.pop("post_login_target", DEFAULT_LANDING)
    if not _is_local(request, target):
        target = DEFAULT_LANDING
    return target


@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = _next_target(request)
    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            log.info("user %s signed in", user.pk)
            return HttpResponseRedirect(next_url)
    else:
        form = AuthenticationForm(request)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def remember_target(request):
    """Called by the bracket pages before bouncing anonymous users to login."""
    request.session["post_login_target"] = request.GET.get("from", DEFAULT_LANDING)
    return redirect("accounts:login")


def logout_view(request):
    logout(request)
    target = request.GET.get("return_to", "/")
    return redirect(target if _is_local(request, target) else "/")
