"""Patient portal login/logout views (optometry group)."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views import View

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/appointments/"


def landing_for(request, fallback: str = DEFAULT_LANDING) -> str:
    """Where to send the patient after login: the page they originally asked for."""
    target = request.POST.get("next") or request.GET.get("next")
    if not target:
        target = request.session.pop("post_login_target", None)
    return target or fallback


class PortalLoginView(View):
    template_name = "portal/login.html"

    def get(self, request):
        if request.user.is_authenticated:
            return HttpResponseRedirect(DEFAULT_LANDING)
        request.session["post_login_target"] = request.GET.get("next", "")
        return render(request, self.template_name, {"next": request.GET.get("next", "")})

    def post(self, request):
        email = request.POST.get("email", "").strip().lower()
        password = request.POST.get("password", "")
        user = authenticate(request, username=email, password=password)
        if user is None:
            log.info("failed portal login")
            return render(request, self.template_name,
                          {"error": "Invalid email or password", "next": request.POST.get("next", "")},
                          status=401)
        login(request, user)
        destination = landing_for(request)
        log.info("portal login user=%s", user.pk)
        return HttpResponseRedirect(destination)  # VULN flow


class PortalLogoutView(View):
    def get(self, request):
        logout(request)
        return HttpResponseRedirect(getattr(settings, "PORTAL_LOGOUT_URL", "/portal/login/"))
