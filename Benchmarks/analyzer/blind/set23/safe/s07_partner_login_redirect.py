"""Login / logout views for the partner portal (Django class-based views)."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

log = logging.getLogger("portal.auth")
DEFAULT_LANDING = "/dashboard/"


class NextUrlResolver:
    """Works out where to send the user after authentication."""

    param = "next"

    def __init__(self, request):
        self.request = request

    def candidate(self) -> str:
        return self.request.POST.get(self.param) or self.request.GET.get(self.param) or ""

    def resolve(self) -> str:
        target = self.candidate().strip()
        if target and url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return target
        return DEFAULT_LANDING


class PartnerLoginView(View):
    template_name = "portal/login.html"

    def get(self, request):
        if request.user.is_authenticated:
            return HttpResponseRedirect(DEFAULT_LANDING)
        return render(request, self.template_name, {"next": NextUrlResolver(request).candidate()})

    def post(self, request):
        username = request.POST.get("username", "")
        password = request.POST.get("password", "")
        user = authenticate(request, username=username, password=password)
        if user is None:
            log.info("failed partner login for %r", username)
            context = {"error": "Invalid credentials", "next": NextUrlResolver(request).candidate()}
            return render(request, self.template_name, context, status=401)
        login(request, user)
        destination = NextUrlResolver(request).resolve()
        log.info("partner %r logged in", user.pk)
        return HttpResponseRedirect(destination)


class PartnerLogoutView(View):
    def post(self, request):
        logout(request)
        return HttpResponseRedirect("/login/")
