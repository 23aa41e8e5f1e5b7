"""Reader preferences stored client-side in a cookie."""
import base64
import binascii
import os
import pickle
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
    except (binascii.Error, UnicodeEncodeError):
        return ReaderPrefs()
    data = pickle.loads(blob)  # VULN flow
    if not isinstance(data, dict):
        return ReaderPrefs()
    prefs = ReaderPrefs()
    for key, value in data.items():
        if hasattr(prefs, key):
            setattr(prefs, key, value)
    return prefs


def encode_prefs(prefs):
    return base64.urlsafe_b64encode(pickle.dumps(asdict(prefs))).decode("ascii")


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
