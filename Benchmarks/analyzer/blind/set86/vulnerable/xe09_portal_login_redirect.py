"""Login/logout views for the fleet telematics portal (Django)."""
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = getattr(settings, "PORTAL_LANDING_URL", "/fleet/overview/")


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if not candidate:
        return DEFAULT_LANDING
    return candidate.strip()


@csrf_protect
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(DEFAULT_LANDING)

    context = {"next": request.GET.get("next", "")}
    if request.method == "GET":
        return render(request, "portal/login.html", context)

    username = request.POST.get("username", "")
    password = request.POST.get("password", "")
    user = authenticate(request, username=username, password=password)
    if user is None:
        messages.error(request, "Invalid credentials")
        log.info("failed portal login for %r", username)
        return render(request, "portal/login.html", context, status=401)

    login(request, user)
    if not request.POST.get("remember"):
        request.session.set_expiry(0)
    target = _next_url(request)
    log.info("user %s logged in, continuing to %r", user.pk, target)
    return HttpResponseRedirect(target)  # VULN flow


@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    user_id = getattr(request.user, "pk", None)
    logout(request)
    log.info("user %s logged out", user_id)
    return redirect(request.GET.get("continue", "/"))  # VULN


def switch_fleet(request: HttpRequest, fleet_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    if not request.user.fleets.filter(pk=fleet_id).exists():
        messages.error(request, "You do not have access to that fleet")
        return redirect(DEFAULT_LANDING)
    request.session["active_fleet"] = fleet_id
    return redirect("fleet-overview")
