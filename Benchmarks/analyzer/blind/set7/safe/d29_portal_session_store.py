import base64
import hashlib
import hmac
import json
import os
import shelve
import uuid

from flask import Flask, g, jsonify, request

app = Flask(__name__)
SESSION_DIR = "/var/lib/portal/sessions"
PREFS_KEY = os.environ["PORTAL_PREFS_KEY"].encode()
DEFAULT_PREFS = {"theme": "light", "page_size": 25, "tz": "UTC"}


def load_session(sid):
    try:
        sid = uuid.UUID(sid).hex
    except ValueError:
        return {}
    path = os.path.join(SESSION_DIR, sid)
    if not os.path.exists(path + ".db") and not os.path.exists(path):
        return {}
    with shelve.open(path, flag="r") as db:
        return dict(db)


def encode_prefs(prefs):
    payload = base64.urlsafe_b64encode(json.dumps(prefs, sort_keys=True).encode()).decode()
    sig = hmac.new(PREFS_KEY, payload.encode(), hashlib.sha256).hexdigest()
    return f"{payload}.{sig}"


def decode_prefs(raw):
    if not raw or "." not in raw:
        return dict(DEFAULT_PREFS)
    payload, sig = raw.rsplit(".", 1)
    expected = hmac.new(PREFS_KEY, payload.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(sig, expected):
        return dict(DEFAULT_PREFS)
    prefs = json.loads(base64.urlsafe_b64decode(payload))
    return {**DEFAULT_PREFS, **{k: v for k, v in prefs.items() if k in DEFAULT_PREFS}}


@app.before_request
def attach_session():
    g.session = load_session(request.cookies.get("portal_sid", ""))
    g.prefs = decode_prefs(request.cookies.get("portal_prefs"))


@app.route("/me")
def me():
    if "user" not in g.session:
        return jsonify(error="not logged in"), 401
    return jsonify(user=g.session["user"], prefs=g.prefs)


@app.route("/prefs", methods=["POST"])
def save_prefs():
    prefs = {**g.prefs, **{k: v for k, v in (request.get_json(silent=True) or {}).items() if k in DEFAULT_PREFS}}
    resp = jsonify(prefs=prefs)
    resp.set_cookie("portal_prefs", encode_prefs(prefs), httponly=True, samesite="Lax")
    return resp
