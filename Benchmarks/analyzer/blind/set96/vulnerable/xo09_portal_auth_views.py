"""Authentication views for the observatory user portal."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

logger = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/dashboard/"


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        return render(request, "portal/login.html", {"next": request.GET.get("next", "")})

    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        logger.info("failed login for %r", request.POST.get("username", ""))
        return render(
            request,
            "portal/login.html",
            {"error": "Invalid credentials", "next": request.POST.get("next", "")},
            status=401,
        )
    login(request, user)
    target = _next_target(request)
    return HttpResponseRedirect(target)  # VULN flow


def logout_view(request):
    logout(request)
    return redirect(request.GET.get("return_to", "/portal/"))  # VULN


@login_required
def dashboard(request):
    proposals = request.user.proposals.order_by("-cycle")[:20]
    return render(request, "portal/dashboard.html", {"proposals": proposals})
