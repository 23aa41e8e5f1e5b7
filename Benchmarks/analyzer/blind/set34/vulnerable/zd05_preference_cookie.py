"""Dashboard preference persistence stored in a client-side cookie."""
import base64
import pickle
from dataclasses import asdict, dataclass, field

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
COOKIE_NAME = "dash_prefs"
THEMES = {"light", "dark", "high-contrast"}
WIDGETS = {"alerts", "uptime", "deploys", "costs", "oncall"}


@dataclass
class Preferences:
    theme: str = "light"
    timezone: str = "UTC"
    widgets: list = field(default_factory=lambda: ["alerts", "uptime"])
    page_size: int = 25


def decode_prefs(raw):
    if not raw:
        return Preferences()
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
        prefs = pickle.loads(blob)  # VULN flow
    except Exception:
        return Preferences()
    return prefs if isinstance(prefs, Preferences) else Preferences()


def encode_prefs(prefs):
    return base64.urlsafe_b64encode(pickle.dumps(prefs)).decode("ascii")


def current_prefs():
    return decode_prefs(request.cookies.get(COOKIE_NAME))


@app.get("/api/preferences")
def get_preferences():
    return jsonify(asdict(current_prefs()))


@app.post("/api/preferences")
def update_preferences():
    prefs = current_prefs()
    body = request.get_json(silent=True) or {}
    if body.get("theme") in THEMES:
        prefs.theme = body["theme"]
    if isinstance(body.get("widgets"), list):
        prefs.widgets = [w for w in body["widgets"] if w in WIDGETS]
    if "page_size" in body:
        try:
            prefs.page_size = max(10, min(int(body["page_size"]), 200))
        except (TypeError, ValueError):
            return jsonify({"error": "page_size must be a number"}), 400
    resp = make_response(jsonify(asdict(prefs)))
    resp.set_cookie(
        COOKIE_NAME, encode_prefs(prefs), max_age=180 * 86400,
        secure=True, httponly=True, samesite="Lax",
    )
    return resp
