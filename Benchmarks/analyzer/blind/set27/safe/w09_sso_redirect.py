"""Login flow for the internal SSO gateway, returning users to where they started."""
import os
from urllib.parse import urlparse

from flask import Flask, redirect, render_template_string, request, session, url_for

from sso_gateway.directory import verify_credentials

app = Flask(__name__)
app.secret_key = os.environ["SSO_SESSION_KEY"]
ALLOWED_HOSTS = {"wiki.corp.example", "hr.corp.example", "ci.corp.example"}

LOGIN_FORM = """
<form method="post" action="{{ url_for('login_submit') }}">
  <input name="username" autocomplete="username">
  <input name="password" type="password" autocomplete="current-password">
  <button type="submit">Sign in</button>
</form>
"""


def remember_target():
    target = request.args.get("next")
    if target:
        session["post_login"] = target


def is_safe_target(target):
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return False
    parsed = urlparse(target)
    if not parsed.scheme and not parsed.netloc:
        return target.startswith("/") and not target.startswith("//")
    return parsed.scheme == "https" and parsed.hostname in ALLOWED_HOSTS


def pop_target(default):
    target = session.pop("post_login", None)
    return target if is_safe_target(target) else default


@app.get("/")
def home():
    if "uid" not in session:
        return redirect(url_for("login_form"))
    return {"uid": session["uid"]}


@app.get("/login")
def login_form():
    remember_target()
    return render_template_string(LOGIN_FORM)


@app.post("/login")
def login_submit():
    user = verify_credentials(
        request.form.get("username", ""), request.form.get("password", "")
    )
    if user is None:
        return render_template_string(LOGIN_FORM), 401
    session["uid"] = user["id"]
    destination = pop_target(url_for("home"))
    return redirect(destination)


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login_form"))
