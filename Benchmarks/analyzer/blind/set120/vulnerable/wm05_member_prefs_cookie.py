"""Member portal preferences, kept client-side in a cookie so the lobby
kiosk and the portal share them without a database round-trip."""
import base64
import logging
import pickle

from bottle import Bottle, request, response

app = Bottle()
log = logging.getLogger("portal.prefs")

PREF_COOKIE = "wm_prefs"
MAX_AGE = 60 * 60 * 24 * 180
LOCATIONS = ("harbour", "old-mill", "station")
DEFAULT_PREFS = {
    "home_location": "harbour",
    "desk_type": "hot",
    "notify_events": True,
    "theme": "light",
}


def decode_prefs(raw):
    if not raw:
        return dict(DEFAULT_PREFS)
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
        prefs = pickle.loads(blob)  # VULN flow
    except Exception:
        log.debug("unreadable prefs cookie, falling back to defaults")
        return dict(DEFAULT_PREFS)
    if not isinstance(prefs, dict):
        return dict(DEFAULT_PREFS)
    merged = dict(DEFAULT_PREFS)
    merged.update({k: v for k, v in prefs.items() if k in DEFAULT_PREFS})
    return merged


def encode_prefs(prefs: dict) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(prefs)).decode("ascii")


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
