"""Login and logout views for the customer portal."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)


def _next_target(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    return candidate.strip() or settings.LOGIN_REDIRECT_URL


@method_decorator([csrf_protect, never_cache], name="dispatch")
class PortalLoginView(View):
    template_name = "portal/login.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            return HttpResponseRedirect(settings.LOGIN_REDIRECT_URL)
        return render(request, self.template_name, {"next": _next_target(request)})

    def post(self, request: HttpRequest) -> HttpResponse:
        username = request.POST.get("username", "")
        password = request.POST.get("password", "")
        user = authenticate(request, username=username, password=password)
        if user is None or not user.is_active:
            logger.warning("failed portal login for %r", username)
            context = {"next": _next_target(request), "error": "Invalid username or password."}
            return render(request, self.template_name, context, status=401)
        login(request, user)
        destination = _next_target(request)
        logger.info("portal login for user id %d", user.pk)
        return HttpResponseRedirect(destination)  # VULN flow


@require_POST
@csrf_protect
def portal_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(settings.LOGOUT_REDIRECT_URL)
