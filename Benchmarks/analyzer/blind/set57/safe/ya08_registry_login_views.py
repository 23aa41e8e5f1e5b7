"""Login / logout views for the package registry web UI."""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("registry.auth")


def _next_target(request: HttpRequest, default: str = "/") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return candidate
    return default


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _next_target(request, settings.LOGIN_REDIRECT_URL)
    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            log.info("login ok user=%r", user.get_username())
            return HttpResponseRedirect(next_url)
        log.info("login failed user=%r", request.POST.get("username", ""))
    else:
        form = AuthenticationForm(request)
    return render(request, "registry/login.html", {"form": form, "next": next_url})


@require_http_methods(["POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    target = request.GET.get("continue", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    return redirect(target)


@login_required
def token_created(request: HttpRequest) -> HttpResponse:
    token_name = request.session.pop("new_token_name", None)
    if token_name is None:
        return redirect("registry:tokens")
    return render(request, "registry/token_created.html", {"token_name": token_name})
