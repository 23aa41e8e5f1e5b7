import base64
import hashlib
import hmac
import json
import os

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
COOKIE_KEY = os.environ["PREFS_COOKIE_KEY"].encode()
COOKIE_NAME = "prefs"


def sign(data: dict) -> str:
    body = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()
    mac = hmac.new(COOKIE_KEY, body.encode(), hashlib.sha256).hexdigest()
    return f"{body}.{mac}"


def unsign(value: str):
    body, _, mac = value.rpartition(".")
    expected = hmac.new(COOKIE_KEY, body.encode(), hashlib.sha256).hexdigest()
    if not body or not hmac.compare_digest(mac, expected):
        return None
    return json.loads(base64.urlsafe_b64decode(body.encode()))


@app.get("/prefs")
def get_prefs():
    prefs = unsign(request.cookies.get(COOKIE_NAME, "")) or {"theme": "light"}
    return jsonify(prefs)


@app.post("/prefs")
def set_prefs():
    data = request.get_json(force=True)
    prefs = {"theme": "dark" if data.get("theme") == "dark" else "light"}
    resp = make_response(jsonify(prefs))
    resp.set_cookie(COOKIE_NAME, sign(prefs), httponly=True, secure=True, samesite="Lax")
    return resp
