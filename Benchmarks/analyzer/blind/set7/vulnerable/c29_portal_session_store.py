import base64
import marshal
import os
import shelve
import uuid

from flask import Flask, g, jsonify, request

app = Flask(__name__)
SESSION_DIR = "/var/lib/portal/sessions"
DEFAULT_PREFS = {"theme": "light", "page_size": 25, "tz": "UTC"}


def load_session(sid):
    with shelve.open(os.path.join(SESSION_DIR, sid)) as db:  # VULN flow
        return dict(db)


def decode_prefs(raw):
    if not raw:
        return dict(DEFAULT_PREFS)
    prefs = marshal.loads(base64.urlsafe_b64decode(raw))  # VULN flow
    return {**DEFAULT_PREFS, **prefs} if isinstance(prefs, dict) else dict(DEFAULT_PREFS)


@app.before_request
def attach_session():
    sid = request.cookies.get("portal_sid")
    g.session = load_session(sid) if sid else {}
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
    resp.set_cookie("portal_prefs", base64.urlsafe_b64encode(marshal.dumps(prefs)).decode(), httponly=True, samesite="Lax")
    return resp


@app.route("/session/new", methods=["POST"])
def new_session():
    sid = uuid.uuid4().hex
    resp = jsonify(ok=True)
    resp.set_cookie("portal_sid", sid, httponly=True, secure=True, samesite="Lax")
    return resp
