"""Patron account views for the box office website (Django)."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("patrons.auth")

DEFAULT_LANDING = "/my-tickets/"


def _is_local(request: HttpRequest, target) -> bool:
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _landing_for(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if not target:
        target = request.session.pop("post_login_redirect", None)
    return target if _is_local(request, target) else DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def patron_login(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "patrons/login.html", {"next": request.GET.get("next", "")})

    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    user = authenticate(request, username=email, password=password)
    if user is None:
        log.info("failed patron login for %r", email)
        return render(
            request,
            "patrons/login.html",
            {"error": "Email or password not recognised", "next": request.POST.get("next", "")},
            status=401,
        )
    login(request, user)
    destination = _landing_for(request)
    return HttpResponseRedirect(destination)


def patron_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return_to = request.GET.get("return_to", settings.LOGIN_URL)
    if not _is_local(request, return_to):
        return_to = settings.LOGIN_URL
    return HttpResponseRedirect(return_to)


def start_checkout(request: HttpRequest, performance_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        request.session["post_login_redirect"] = f"/checkout/{performance_id}/"
        return HttpResponseRedirect(settings.LOGIN_URL)
    return render(request, "boxoffice/checkout.html", {"performance_id": performance_id})
