"""Language switcher for the public client site (Django)."""
import logging

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

log = logging.getLogger(__name__)
SUPPORTED = {code for code, _ in settings.LANGUAGES}


def _pick_language(request) -> str:
    lang = request.POST.get("language") or request.GET.get("language", "")
    lang = lang.replace("_", "-").lower()
    if lang in SUPPORTED:
        return lang
    base = lang.split("-")[0]
    return base if base in SUPPORTED else settings.LANGUAGE_CODE


def _next_url(request) -> str:
    candidate = (
        request.POST.get("next")
        or request.GET.get("next")
        or request.META.get("HTTP_REFERER")
        or "/"
    )
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return candidate
    return "/"


def switch_language(request):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    lang = _pick_language(request)
    next_url = _next_url(request)
    translation.activate(lang)
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        lang,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        samesite="Lax",
        secure=request.is_secure(),
    )
    if request.user.is_authenticated:
        profile = request.user.profile
        if profile.preferred_language != lang:
            profile.preferred_language = lang
            profile.save(update_fields=["preferred_language"])
    log.debug("language switched to %s", lang)
    return response
