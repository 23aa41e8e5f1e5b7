"""Customer tracking portal: login, short tracking links, carrier hand-off."""
import os
from urllib.parse import urlparse

from flask import Flask, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]

# populated from the customer DB at startup
USERS = {}
SHORT_LINKS = {}
CARRIER_HOSTS = {"www.oceanline.example.net", "track.carrier-one.example.com"}

LOGIN_FORM = """
<form method="post">
  <input name="username"> <input name="password" type="password">
  <input type="hidden" name="next" value="{{ next_url }}">
  <button>Sign in</button>
</form>
"""


def check_user(username, password):
    pw_hash = USERS.get(username)
    return pw_hash is not None and check_password_hash(pw_hash, password)


def landing_page():
    target = request.values.get("next") or ""
    parts = urlparse(target.replace("\\", "/"))
    if not target.startswith("/") or parts.scheme or parts.netloc:
        target = url_for("dashboard")
    return target


@app.route("/login", methods=["GET", "POST"])
def login():
    next_url = landing_page()
    if request.method == "POST":
        if check_user(request.form.get("username", ""), request.form.get("password", "")):
            session["user"] = request.form["username"]
            return redirect(next_url)
        return render_template_string(LOGIN_FORM, next_url=next_url), 401
    return render_template_string(LOGIN_FORM, next_url=next_url)


@app.route("/dashboard")
def dashboard():
    if "user" not in session:
        return redirect(url_for("login", next=request.path))
    return "Welcome back, your shipments are listed below."


@app.route("/t/<code>")
def short_link(code):
    container = SHORT_LINKS.get(code)
    if container is None:
        return "Unknown tracking link", 404
    return redirect(url_for("track", container=container))


@app.route("/track")
def track():
    return "Tracking %d events" % len(request.args.get("container", ""))


@app.route("/carrier-handoff")
def carrier_handoff():
    # carrier sites link here so we can count referrals before sending the user on
    url = request.args.get("url", "/")
    if urlparse(url).scheme != "https" or urlparse(url).hostname not in CARRIER_HOSTS:
        url = "/"
    return redirect(url)
