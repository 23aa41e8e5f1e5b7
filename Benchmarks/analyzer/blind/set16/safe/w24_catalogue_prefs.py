"""User display preferences stored client-side for the anonymous catalogue."""
import logging

from django.conf import settings
from django.core import signing
from django.http import JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)
COOKIE_NAME = "catalogue_prefs"
COOKIE_SALT = "catalogue.prefs.v2"
DEFAULT_PREFS = {"currency": "EUR", "page_size": 24, "view": "grid", "theme": "light"}
ALLOWED = {
    "currency": {"EUR", "USD", "GBP", "CHF"},
    "page_size": {12, 24, 48, 96},
    "view": {"grid", "list"},
    "theme": {"light", "dark"},
}


def encode_prefs(prefs):
    return signing.dumps(prefs, salt=COOKIE_SALT, compress=True)


def decode_prefs(raw):
    try:
        prefs = signing.loads(raw, salt=COOKIE_SALT, max_age=365 * 86400)
    except signing.BadSignature:
        return dict(DEFAULT_PREFS)
    if not isinstance(prefs, dict):
        return dict(DEFAULT_PREFS)
    return {**DEFAULT_PREFS, **{k: v for k, v in prefs.items() if v in ALLOWED.get(k, ())}}


class PreferencesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.COOKIES.get(COOKIE_NAME)
        request.prefs = decode_prefs(raw) if raw else dict(DEFAULT_PREFS)
        response = self.get_response(request)
        if getattr(request, "prefs_changed", False):
            response.set_cookie(
                COOKIE_NAME, encode_prefs(request.prefs), max_age=365 * 86400,
                httponly=True, samesite="Lax", secure=not settings.DEBUG,
            )
        return response


@require_POST
def update_prefs(request):
    changed = {}
    for key, allowed in ALLOWED.items():
        value = request.POST.get(key)
        if value is None:
            continue
        if key == "page_size":
            value = int(value) if value.isdigit() else None
        if value in allowed:
            changed[key] = value
    request.prefs.update(changed)
    request.prefs_changed = True
    log.debug("updated %d preference(s)", len(changed))
    return JsonResponse({"prefs": request.prefs})
