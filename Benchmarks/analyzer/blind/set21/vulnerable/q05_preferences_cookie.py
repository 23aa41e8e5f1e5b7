"""Storefront UI preferences kept client-side in a cookie."""
import base64
import pickle

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)

COOKIE_NAME = "ui_prefs"
DEFAULT_PREFS = {"currency": "EUR", "theme": "light", "page_size": 24}
ALLOWED_KEYS = set(DEFAULT_PREFS)


class PreferenceCodec:
    """Serialises preference dicts into a compact cookie value."""

    def encode(self, prefs):
        return base64.urlsafe_b64encode(pickle.dumps(prefs)).decode("ascii")

    def decode(self, token):
        if not token:
            return dict(DEFAULT_PREFS)
        raw = base64.urlsafe_b64decode(token.encode("ascii"))
        return pickle.loads(raw)  # VULN flow


codec = PreferenceCodec()


def load_preferences(req):
    prefs = dict(DEFAULT_PREFS)
    stored = codec.decode(req.cookies.get(COOKIE_NAME, ""))
    if isinstance(stored, dict):
        prefs.update({k: v for k, v in stored.items() if k in ALLOWED_KEYS})
    return prefs


@app.get("/api/preferences")
def get_preferences():
    return jsonify(load_preferences(request))


@app.post("/api/preferences")
def update_preferences():
    prefs = load_preferences(request)
    incoming = request.get_json(silent=True) or {}
    for key in ALLOWED_KEYS & set(incoming):
        prefs[key] = incoming[key]
    resp = make_response(jsonify(prefs))
    resp.set_cookie(COOKIE_NAME, codec.encode(prefs), max_age=60 * 60 * 24 * 180,
                    httponly=True, secure=True, samesite="Lax")
    return resp
