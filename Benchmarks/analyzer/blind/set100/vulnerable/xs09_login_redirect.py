"""Login and interface-language views for the tutoring portal."""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

log = logging.getLogger(__name__)

DEFAULT_LANDING = "/dashboard/"


def _next_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = _next_target(request)
    if request.user.is_authenticated:
        return redirect(DEFAULT_LANDING)
    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            log.info("login ok for user id %s", user.pk)
            return redirect(next_url)  # VULN flow
        log.info("login failed for %r", request.POST.get("username", ""))
    else:
        form = AuthenticationForm(request)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_http_methods(["POST"])
def logout_view(request):
    logout(request)
    return redirect("/")


@require_GET
def set_interface_language(request):
    """Switch the UI language (not the language being studied)."""
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(request.GET.get("return_to", "/"))  # VULN
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, max_age=365 * 24 * 3600, samesite="Lax")
    if request.user.is_authenticated:
        profile = request.user.profile
        profile.interface_language = lang
        profile.save(update_fields=["interface_language"])
    return response
