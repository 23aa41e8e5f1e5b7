"""Storefront UI preferences kept client-side in a cookie."""
import base64
import hashlib
import hmac
import json
import os

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)

COOKIE_NAME = "ui_prefs"
DEFAULT_PREFS = {"currency": "EUR", "theme": "light", "page_size": 24}
ALLOWED_KEYS = set(DEFAULT_PREFS)


class PreferenceCodec:
    """Serialises preference dicts into a compact, signed cookie value."""

    def __init__(self, secret):
        self.secret = secret

    def _sign(self, raw):
        return hmac.new(self.secret, raw, hashlib.sha256).hexdigest()

    def encode(self, prefs):
        raw = json.dumps(prefs, separators=(",", ":")).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii") + "." + self._sign(raw)

    def decode(self, token):
        if not token or "." not in token:
            return dict(DEFAULT_PREFS)
        body, signature = token.rsplit(".", 1)
        try:
            raw = base64.urlsafe_b64decode(body.encode("ascii"))
        except ValueError:
            return dict(DEFAULT_PREFS)
        if not hmac.compare_digest(signature, self._sign(raw)):
            return dict(DEFAULT_PREFS)
        return json.loads(raw)


codec = PreferenceCodec(os.environ["PREFS_SIGNING_KEY"].encode("utf-8"))


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
