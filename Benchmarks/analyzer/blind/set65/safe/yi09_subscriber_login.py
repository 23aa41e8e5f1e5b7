"""Account views for the subscriber portal of the news site."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("accounts")

DEFAULT_LANDING = "/my/newsletters/"
LOGIN_TEMPLATE = "accounts/login.html"


def _next_target(request: HttpRequest, default: str = DEFAULT_LANDING) -> str:
    target = (request.POST.get("next") or request.GET.get("next") or "").strip()
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        if request.user.is_authenticated:
            return redirect(DEFAULT_LANDING)
        return render(request, LOGIN_TEMPLATE, {"next": request.GET.get("next", "")})

    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        log.info("failed subscriber login")
        context = {"error": "Invalid email or password.", "next": request.POST.get("next", "")}
        return render(request, LOGIN_TEMPLATE, context, status=401)

    login(request, user)
    destination = _next_target(request)
    return redirect(destination)


@require_http_methods(["POST", "GET"])
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(_next_target(request, default="/"))


@login_required
def account_home(request: HttpRequest) -> HttpResponse:
    subs = request.user.newsletter_subscriptions.select_related("newsletter").all()
    return render(request, "accounts/home.html", {"subscriptions": subs})
