"""Back-office login for the remote online notarization desk."""
import logging
import os
from functools import wraps

from flask import Flask, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["NOTARY_DESK_SECRET_KEY"]
log = logging.getLogger("notary.desk")

DESK_USERNAME = "notary-admin"
DESK_PASSWORD = "N0tary!Desk#2022"  # VULN

LOGIN_FORM = """
<form method="post">
  <input name="username" placeholder="username">
  <input name="password" type="password" placeholder="password">
  <input type="hidden" name="next" value="{{ next_url }}">
  <button>Sign in</button>
</form>
"""


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("desk_user"):
            return redirect(url_for("login", next=request.full_path))
        return view(*args, **kwargs)
    return wrapper


def post_login_target(form):
    return form.get("next") or url_for("queue")


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template_string(LOGIN_FORM, next_url=request.args.get("next", ""))
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if username != DESK_USERNAME or password != DESK_PASSWORD:
        log.warning("failed notary desk login for %r", username)
        return render_template_string(LOGIN_FORM, next_url=request.form.get("next", "")), 401
    session["desk_user"] = username
    target = post_login_target(request.form)
    return redirect(target)  # VULN flow


@app.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/queue")
@login_required
def queue():
    return {"pending_sessions": [], "user": session["desk_user"]}
