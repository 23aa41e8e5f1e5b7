"""Login / logout views for the LIMS web front end."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("lims.auth")
DEFAULT_LANDING = "/lims/worklist/"


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target.strip() or DEFAULT_LANDING


@csrf_protect
@require_http_methods(["GET", "POST"])
def lims_login(request):
    if request.method == "GET":
        return render(request, "lims/login.html", {"next": request.GET.get("next", "")})

    username = request.POST.get("username", "")
    password = request.POST.get("password", "")
    user = authenticate(request, username=username, password=password)
    if user is None or not user.is_active:
        log.info("rejected login for %r from %s", username, request.META.get("REMOTE_ADDR"))
        return render(request, "lims/login.html",
                      {"error": "Invalid credentials", "next": request.POST.get("next", "")},
                      status=401)

    login(request, user)
    destination = _next_target(request)
    log.info("user %s logged in", user.get_username())
    return redirect(destination)  # VULN flow


@require_http_methods(["POST"])
def lims_logout(request):
    who = request.user.get_username() if request.user.is_authenticated else "anonymous"
    logout(request)
    log.info("user %s logged out", who)
    return HttpResponseRedirect(request.POST.get("return_to", "/lims/login/"))  # VULN
