"""Login/logout views for the NOC dashboard."""
import json
import logging
import os

from flask import Flask, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["DASHBOARD_SECRET_KEY"]
log = logging.getLogger("dashboard.auth")

LOGIN_FORM = """<form method="post">
  <input name="username" autofocus> <input name="password" type="password">
  <input type="hidden" name="next" value="{{ next_url }}">
  <button>Sign in</button>
</form>{% if error %}<p class="error">{{ error }}</p>{% endif %}"""


def load_users(path=os.environ.get("DASHBOARD_USERS", "/etc/noc-dashboard/users.json")):
    try:
        with open(path) as fh:
            return json.load(fh)
    except FileNotFoundError:
        log.error("user file %s missing", path)
        return {}


USERS = load_users()


@app.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next") or url_for("dashboard")
    if request.method == "GET":
        return render_template_string(LOGIN_FORM, next_url=next_url, error=None)

    username = request.form.get("username", "")
    pw_hash = USERS.get(username)
    if not pw_hash or not check_password_hash(pw_hash, request.form.get("password", "")):
        log.info("failed login for %r", username)
        return render_template_string(LOGIN_FORM, next_url=next_url, error="Invalid credentials"), 401

    session.clear()
    session["user"] = username
    log.info("user %r signed in", username)
    return redirect(next_url)  # VULN flow


@app.get("/logout")
def logout():
    session.clear()
    return redirect(request.args.get("return_to", url_for("login")))  # VULN


@app.get("/")
def dashboard():
    if "user" not in session:
        return redirect(url_for("login", next=request.path))
    return render_template_string("<h1>Welcome, {{ user }}</h1>", user=session["user"])
