"""Dashboard preference persistence (layout, pinned panels) kept client-side."""
import base64
import binascii
import logging

import jsonpickle
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

log = logging.getLogger(__name__)

COOKIE = "noc_prefs"
COOKIE_MAX_AGE = 90 * 24 * 3600
LAYOUTS = {"grid", "list", "wall"}
DEFAULT_PREFS = {"layout": "grid", "refresh": 30, "pinned": []}


def decode_prefs(raw):
    if not raw:
        return dict(DEFAULT_PREFS)
    try:
        data = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        prefs = jsonpickle.decode(data)  # VULN flow
    except (ValueError, UnicodeDecodeError, binascii.Error):
        log.info("discarding unreadable preference cookie")
        return dict(DEFAULT_PREFS)
    if not isinstance(prefs, dict):
        return dict(DEFAULT_PREFS)
    return {**DEFAULT_PREFS, **prefs}


def encode_prefs(prefs):
    return base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode("utf-8")).decode("ascii")


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
