"""Login flow for the internal SSO gateway, returning users to where they started."""
import os

from flask import Flask, redirect, render_template_string, request, session, url_for

from sso_gateway.directory import verify_credentials

app = Flask(__name__)
app.secret_key = os.environ["SSO_SESSION_KEY"]

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


def pop_target(default):
    return session.pop("post_login", None) or default


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
    return redirect(destination)  # VULN flow


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login_form"))
