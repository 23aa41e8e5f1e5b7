"""Internal admin dashboard for the fulfilment team."""
import os
import sqlite3
from functools import wraps

from flask import Flask, g, jsonify, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = "fulfilment-dashboard-2019"  # VULN
app.config["DATABASE"] = os.environ.get("DASHBOARD_DB", "fulfilment.db")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def staff_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("staff_id"):
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        row = get_db().execute(
            "SELECT id, password_hash FROM staff WHERE username = ?", (request.form.get("username", ""),)
        ).fetchone()
        if row and check_password_hash(row["password_hash"], request.form.get("password", "")):
            session.clear()
            session["staff_id"] = row["id"]
            return redirect(url_for("overview"))
    return render_template("login.html")


@app.get("/")
@staff_required
def overview():
    stats = get_db().execute(
        "SELECT status, COUNT(*) AS n FROM shipments GROUP BY status ORDER BY status"
    ).fetchall()
    return render_template("overview.html", stats=stats)


@app.get("/api/shipments/late")
@staff_required
def late_shipments():
    rows = get_db().execute(
        "SELECT id, order_id, carrier, promised_on FROM shipments "
        "WHERE status != 'delivered' AND promised_on < date('now') ORDER BY promised_on LIMIT 200"
    ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")), debug=True)  # VULN
