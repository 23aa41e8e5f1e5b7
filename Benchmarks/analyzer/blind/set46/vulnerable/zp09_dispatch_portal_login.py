"""Login / logout views for the dispatcher portal (Django app `portal`)."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dispatch/board/"
SESSION_NEXT_KEY = "portal_next"


def _remember_target(request: HttpRequest) -> None:
    target = request.GET.get("next")
    if target:
        request.session[SESSION_NEXT_KEY] = target


def _pop_target(request: HttpRequest) -> str:
    return request.session.pop(SESSION_NEXT_KEY, None) or DEFAULT_LANDING


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
    return HttpResponseRedirect(target)  # VULN flow


def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(request.GET.get("then", "/"))  # VULN


def switch_depot(request: HttpRequest) -> HttpResponse:
    """Change the depot shown on the board and go back where we came from."""
    depot = request.POST.get("depot")
    if depot and depot.isdigit():
        request.session["depot_id"] = int(depot)
    return redirect(DEFAULT_LANDING)
