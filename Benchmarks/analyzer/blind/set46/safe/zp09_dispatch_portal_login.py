"""Login / logout views for the dispatcher portal (Django app `portal`)."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dispatch/board/"
SESSION_NEXT_KEY = "portal_next"


def _is_local(request: HttpRequest, target) -> bool:
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _remember_target(request: HttpRequest) -> None:
    target = request.GET.get("next")
    if _is_local(request, target):
        request.session[SESSION_NEXT_KEY] = target


def _pop_target(request: HttpRequest) -> str:
    target = request.session.pop(SESSION_NEXT_KEY, None)
    return target if _is_local(request, target) else DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        _remember_target(request)
        return render(request, "portal/login.html", {"error": None})

    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None or not user.is_active:
        log.info("failed dispatcher login for %r", request.POST.get("username", ""))
        return render(request, "portal/login.html", {"error": "Invalid credentials"}, status=401)

    login(request, user)
    target = _pop_target(request)
    log.info("dispatcher %s signed in", user.pk)
    return HttpResponseRedirect(target)


def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    then = request.GET.get("then", "/")
    return redirect(then if _is_local(request, then) else "/")


def switch_depot(request: HttpRequest) -> HttpResponse:
    """Change the depot shown on the board and go back where we came from."""
    depot = request.POST.get("depot")
    if depot and depot.isdigit():
        request.session["depot_id"] = int(depot)
    return redirect(DEFAULT_LANDING)
