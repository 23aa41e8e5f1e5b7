"""Reader preferences stored client-side in a cookie."""
import base64
import binascii
import json
import os
from dataclasses import asdict, dataclass

from flask import Flask, make_response, render_template, request

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
COOKIE_NAME = "reader_prefs"
THEMES = ("light", "dark", "sepia")


@dataclass
class ReaderPrefs:
    theme: str = "light"
    font_size: int = 16
    page_size: int = 20


def decode_prefs(cookie_value):
    if not cookie_value:
        return ReaderPrefs()
    try:
        blob = base64.urlsafe_b64decode(cookie_value.encode("ascii"))
        data = json.loads(blob.decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError):
        return ReaderPrefs()
    if not isinstance(data, dict):
        return ReaderPrefs()
    prefs = ReaderPrefs()
    if data.get("theme") in THEMES:
        prefs.theme = data["theme"]
    if isinstance(data.get("font_size"), int):
        prefs.font_size = max(10, min(32, data["font_size"]))
    if isinstance(data.get("page_size"), int):
        prefs.page_size = max(5, min(100, data["page_size"]))
    return prefs


def encode_prefs(prefs):
    return base64.urlsafe_b64encode(json.dumps(asdict(prefs)).encode("utf-8")).decode("ascii")


def current_prefs():
    return decode_prefs(request.cookies.get(COOKIE_NAME))


@app.route("/articles")
def articles():
    prefs = current_prefs()
    return render_template("articles.html", prefs=prefs)


@app.route("/preferences", methods=["POST"])
def save_preferences():
    prefs = current_prefs()
    theme = request.form.get("theme", prefs.theme)
    if theme in THEMES:
        prefs.theme = theme
    try:
        prefs.font_size = max(10, min(32, int(request.form.get("font_size", prefs.font_size))))
        prefs.page_size = max(5, min(100, int(request.form.get("page_size", prefs.page_size))))
    except ValueError:
        pass
    resp = make_response(render_template("preferences_saved.html", prefs=prefs))
    resp.set_cookie(COOKIE_NAME, encode_prefs(prefs), max_age=365 * 86400, httponly=True, samesite="Lax")
    return resp
