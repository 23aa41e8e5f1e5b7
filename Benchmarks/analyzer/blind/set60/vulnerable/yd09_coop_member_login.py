"""Login / logout views for the grain cooperative member portal."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("coop.auth")

DEFAULT_LANDING = "/dashboard/"
MAX_ATTEMPTS = 5
LOCKOUT_SECONDS = 900


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


def _too_many_attempts(username: str) -> bool:
    return cache.get(f"login-fail:{username}", 0) >= MAX_ATTEMPTS


def _record_failure(username: str) -> None:
    key = f"login-fail:{username}"
    cache.add(key, 0, LOCKOUT_SECONDS)
    cache.incr(key)


@csrf_protect
@require_http_methods(["GET", "POST"])
def member_login(request):
    next_url = _next_target(request)
    context = {"next": next_url}
    if request.method == "GET":
        return render(request, "coop/login.html", context)

    username = request.POST.get("username", "").strip()
    password = request.POST.get("password", "")
    if _too_many_attempts(username):
        context["error"] = "Too many attempts, try again later."
        return render(request, "coop/login.html", context, status=429)

    user = authenticate(request, username=username, password=password)
    if user is None:
        _record_failure(username)
        log.info("failed login for %r", username)
        context["error"] = "Invalid member number or password."
        return render(request, "coop/login.html", context, status=401)

    login(request, user)
    cache.delete(f"login-fail:{username}")
    log.info("member %s logged in", user.pk)
    return HttpResponseRedirect(next_url)  # VULN flow


@require_http_methods(["GET", "POST"])
def member_logout(request):
    logout(request)
    return HttpResponseRedirect(request.GET.get("next", "/"))  # VULN
