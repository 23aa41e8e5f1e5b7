"""Dashboard preference persistence (layout, pinned panels) kept client-side."""
import logging

from django.core import signing
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

log = logging.getLogger(__name__)

COOKIE = "noc_prefs"
COOKIE_MAX_AGE = 90 * 24 * 3600
COOKIE_SALT = "noc-dashboard-prefs"
LAYOUTS = {"grid", "list", "wall"}
DEFAULT_PREFS = {"layout": "grid", "refresh": 30, "pinned": []}


def decode_prefs(raw):
    if not raw:
        return dict(DEFAULT_PREFS)
    try:
        prefs = signing.loads(raw, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    except (signing.BadSignature, ValueError):
        log.info("discarding unreadable preference cookie")
        return dict(DEFAULT_PREFS)
    if not isinstance(prefs, dict):
        return dict(DEFAULT_PREFS)
    return {**DEFAULT_PREFS, **prefs}


def encode_prefs(prefs):
    return signing.dumps(prefs, salt=COOKIE_SALT, compress=True)


def apply_update(prefs, form):
    layout = form.get("layout")
    if layout in LAYOUTS:
        prefs["layout"] = layout
    if "refresh" in form:
        try:
            prefs["refresh"] = min(max(int(form["refresh"]), 10), 600)
        except ValueError:
            pass
    pinned = form.getlist("pinned")
    if pinned:
        prefs["pinned"] = [p for p in pinned if p.isalnum()][:20]
    return prefs


@require_http_methods(["GET", "POST"])
def preferences(request):
    prefs = decode_prefs(request.COOKIES.get(COOKIE))
    if request.method == "POST":
        prefs = apply_update(prefs, request.POST)
    resp = JsonResponse(prefs)
    resp.set_cookie(COOKIE, encode_prefs(prefs), max_age=COOKIE_MAX_AGE,
                    httponly=True, secure=True, samesite="Lax")
    return resp
