"""Club manager dashboard: revenue, churn and class fill rates."""
import os
import sqlite3
from functools import wraps

from flask import Flask, abort, g, jsonify, redirect, render_template, session, url_for

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["ADMIN_SECRET_KEY"],
    DATABASE=os.environ.get("GYMHUB_DB", "gymhub.db"),
    SESSION_COOKIE_HTTPONLY=True,
)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def manager_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("role") != "manager":
            return redirect(url_for("login_page"))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login")
def login_page():
    return render_template("admin/login.html")


@app.route("/")
@manager_required
def dashboard():
    return render_template("admin/dashboard.html", club=session.get("club_id"))


@app.route("/api/revenue/<int:year>")
@manager_required
def revenue(year):
    rows = get_db().execute(
        "SELECT strftime('%m', paid_at) AS month, SUM(amount_cents) / 100.0 AS total "
        "FROM payments WHERE club_id = ? AND strftime('%Y', paid_at) = ? GROUP BY month",
        (session["club_id"], str(year)),
    ).fetchall()
    return jsonify({r["month"]: r["total"] for r in rows})


@app.route("/api/classes/fill-rate")
@manager_required
def fill_rate():
    rows = get_db().execute(
        "SELECT title, AVG(1.0 * booked / capacity) AS fill FROM classes "
        "WHERE club_id = ? GROUP BY title ORDER BY fill DESC",
        (session["club_id"],),
    ).fetchall()
    if not rows:
        abort(404)
    return jsonify([{"title": r["title"], "fill": round(r["fill"], 3)} for r in rows])


if __name__ == "__main__":
    app.run(host=os.environ.get("ADMIN_HOST", "127.0.0.1"), port=8080,
            debug=os.environ.get("FLASK_DEBUG") == "1")
