"""Venue operations console: door schedules, PA announcements and incident log."""
import functools
import logging
import os
from datetime import datetime

from flask import Flask, flash, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["CONSOLE_SECRET_KEY"]
app.config["SESSION_COOKIE_HTTPONLY"] = True

log = logging.getLogger("venue.console")
OPERATORS = {
    # username -> werkzeug password hash, provisioned by the infra team
    "duty-manager": os.environ.get("CONSOLE_DUTY_MANAGER_HASH", ""),
    "security-lead": os.environ.get("CONSOLE_SECURITY_LEAD_HASH", ""),
}
INCIDENTS: list = []


def operator_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("operator"):
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = request.form.get("username", "")
        pw_hash = OPERATORS.get(user)
        if pw_hash and check_password_hash(pw_hash, request.form.get("password", "")):
            session.clear()
            session["operator"] = user
            return redirect(url_for("dashboard"))
        flash("Invalid login")
    return render_template("console/login.html")


@app.route("/")
@operator_required
def dashboard():
    return render_template("console/dashboard.html", incidents=INCIDENTS[-20:])


@app.post("/incidents")
@operator_required
def log_incident():
    incident = {
        "at": datetime.utcnow().isoformat(timespec="seconds"),
        "by": session["operator"],
        "zone": request.form.get("zone", "unknown"),
        "summary": request.form.get("summary", "")[:500],
    }
    INCIDENTS.append(incident)
    log.info("incident logged by %r in zone %r", incident["by"], incident["zone"])
    return redirect(url_for("dashboard"))


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080, debug=False)
