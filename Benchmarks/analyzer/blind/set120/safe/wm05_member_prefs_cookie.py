"""Member portal preferences, kept client-side in a cookie so the lobby
kiosk and the portal share them without a database round-trip."""
import base64
import hashlib
import hmac
import json
import logging
import os

from bottle import Bottle, request, response

app = Bottle()
log = logging.getLogger("portal.prefs")

PREF_COOKIE = "wm_prefs"
MAX_AGE = 60 * 60 * 24 * 180
COOKIE_KEY = os.environ["PORTAL_COOKIE_KEY"].encode("utf-8")
LOCATIONS = ("harbour", "old-mill", "station")
DEFAULT_PREFS = {
    "home_location": "harbour",
    "desk_type": "hot",
    "notify_events": True,
    "theme": "light",
}


def _sign(blob: bytes) -> str:
    return hmac.new(COOKIE_KEY, blob, hashlib.sha256).hexdigest()


def decode_prefs(raw):
    if not raw:
        return dict(DEFAULT_PREFS)
    try:
        body, _, sig = raw.rpartition(".")
        blob = base64.urlsafe_b64decode(body.encode("ascii"))
        if not hmac.compare_digest(sig, _sign(blob)):
            raise ValueError("signature mismatch")
        prefs = json.loads(blob)
    except Exception:
        log.debug("unreadable prefs cookie, falling back to defaults")
        return dict(DEFAULT_PREFS)
    if not isinstance(prefs, dict):
        return dict(DEFAULT_PREFS)
    merged = dict(DEFAULT_PREFS)
    merged.update({k: v for k, v in prefs.items() if k in DEFAULT_PREFS})
    return merged


def encode_prefs(prefs: dict) -> str:
    blob = json.dumps(prefs, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(blob).decode("ascii") + "." + _sign(blob)


@app.get("/api/prefs")
def get_prefs():
    return decode_prefs(request.get_cookie(PREF_COOKIE))


@app.post("/api/prefs")
def update_prefs():
    prefs = decode_prefs(request.get_cookie(PREF_COOKIE))
    body = request.json or {}
    if body.get("home_location") in LOCATIONS:
        prefs["home_location"] = body["home_location"]
    if body.get("desk_type") in ("hot", "fixed", "standing"):
        prefs["desk_type"] = body["desk_type"]
    if "notify_events" in body:
        prefs["notify_events"] = bool(body["notify_events"])
    if body.get("theme") in ("light", "dark"):
        prefs["theme"] = body["theme"]
    response.set_cookie(
        PREF_COOKIE, encode_prefs(prefs), max_age=MAX_AGE, path="/", httponly=True, secure=True
    )
    return prefs
