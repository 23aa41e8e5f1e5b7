"""Internal reconciliation dashboard for the finance-ops team."""
import functools
import os
import sqlite3

from flask import Flask, g, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = "recon-admin-7f3b2c91e0"  # VULN
app.config["SESSION_COOKIE_HTTPONLY"] = True
DB_PATH = os.environ.get("RECON_DB", "/srv/recon/recon.db")

DASHBOARD = """
<h1>Reconciliation status</h1>
<table>
{% for row in rows %}
<tr><td>{{ row.account }}</td><td>{{ row.unmatched }}</td><td>{{ row.last_import }}</td></tr>
{% endfor %}
</table>
"""

LOGIN = """
<form method="post"><input name="username"><input name="password" type="password"><button>Login</button></form>
{% if error %}<p>{{ error }}</p>{% endif %}
"""


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if "operator_id" not in session:
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapped


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        row = get_db().execute(
            "SELECT id, pw_hash FROM operators WHERE username = ?", (request.form.get("username", ""),)
        ).fetchone()
        if row and check_password_hash(row["pw_hash"], request.form.get("password", "")):
            session["operator_id"] = row["id"]
            return redirect(url_for("dashboard"))
        error = "Invalid credentials"
    return render_template_string(LOGIN, error=error)


@app.route("/")
@login_required
def dashboard():
    rows = get_db().execute(
        "SELECT account, COUNT(*) FILTER (WHERE matched = 0) AS unmatched, MAX(imported_at) AS last_import "
        "FROM statement_lines GROUP BY account ORDER BY unmatched DESC"
    ).fetchall()
    return render_template_string(DASHBOARD, rows=rows)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8050, debug=True)  # VULN
