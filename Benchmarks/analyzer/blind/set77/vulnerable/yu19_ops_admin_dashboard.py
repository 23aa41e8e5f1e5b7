"""Ops dashboard: booking volumes, provider backlog and refund queue."""
import os
import sqlite3
from datetime import date, timedelta
from functools import wraps

from flask import Flask, g, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = "hh-ops-dash-2023!secret"  # VULN
app.config["DATABASE"] = os.environ.get("OPS_DB", "ops.db")

DASHBOARD = """
<h1>Bookings last {{ days }} days</h1>
<table>{% for row in volumes %}<tr><td>{{ row[0] }}</td><td>{{ row[1] }}</td></tr>{% endfor %}</table>
<h2>Refund queue ({{ refunds|length }})</h2>
<ul>{% for r in refunds %}<li>#{{ r[0] }} &pound;{{ r[1] }} &mdash; {{ r[2] }}</li>{% endfor %}</ul>
"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
    return g.db


def staff_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("staff_id"):
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login")
def login():
    # SSO callback sets session["staff_id"]; this page just bounces to the IdP
    return redirect("https://sso.handyhub.internal/authorize?client_id=ops-dashboard")


@app.route("/")
@staff_required
def dashboard():
    days = min(max(request.args.get("days", 7, type=int), 1), 90)
    since = (date.today() - timedelta(days=days)).isoformat()
    volumes = db().execute(
        "SELECT date(created_at) d, COUNT(*) FROM bookings WHERE created_at >= ? GROUP BY d ORDER BY d",
        (since,),
    ).fetchall()
    refunds = db().execute(
        "SELECT id, amount, reason FROM refunds WHERE status = 'pending' ORDER BY created_at LIMIT 50"
    ).fetchall()
    return render_template_string(DASHBOARD, days=days, volumes=volumes, refunds=refunds)


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=True)  # VULN
