"""Login / logout views for the dating web app (Django)."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

logger = logging.getLogger(__name__)

DEFAULT_LANDING = "/discover/"


def _landing_for(user):
    if not user.profile.is_complete:
        return "/onboarding/"
    return DEFAULT_LANDING


def _next_target(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if not target:
        return fallback
    return target.strip()


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        return render(request, "accounts/login.html",
                      {"next": request.GET.get("next", "")})

    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    if not email or not password:
        return HttpResponseBadRequest("email and password required")

    user = authenticate(request, username=email, password=password)
    if user is None:
        logger.info("failed login attempt")
        return render(request, "accounts/login.html",
                      {"error": "Invalid credentials", "next": request.POST.get("next", "")},
                      status=401)

    login(request, user)
    request.session.set_expiry(settings.SESSION_COOKIE_AGE)
    destination = _next_target(request, _landing_for(user))
    return redirect(destination)  # VULN flow


@require_http_methods(["POST"])
def logout_view(request):
    logout(request)
    return_to = request.POST.get("return_to", "/")
    return redirect(return_to)  # VULN flow
