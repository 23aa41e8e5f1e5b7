"""Internal plot inventory console for cemetery sextons and office staff."""
import functools
import os
import sqlite3

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["PLOT_ADMIN_SECRET_KEY"]
app.config["DATABASE"] = os.environ.get("PLOT_DB", "/var/lib/cemetery/plots.db")

PLOT_STATUSES = ("available", "reserved", "sold", "interred", "unusable")


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


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if "staff_id" not in session:
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapped


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        row = get_db().execute(
            "SELECT id, password_hash FROM staff WHERE username = ? AND active = 1",
            (request.form.get("username", ""),),
        ).fetchone()
        if row and check_password_hash(row["password_hash"], request.form.get("password", "")):
            session.clear()
            session["staff_id"] = row["id"]
            return redirect(url_for("sections"))
        flash("Invalid credentials")
    return render_template("login.html")


@app.route("/")
@login_required
def sections():
    rows = get_db().execute(
        "SELECT s.id, s.name, COUNT(p.id) AS total, "
        "SUM(CASE WHEN p.status = 'available' THEN 1 ELSE 0 END) AS available "
        "FROM sections s LEFT JOIN plots p ON p.section_id = s.id GROUP BY s.id ORDER BY s.name"
    ).fetchall()
    return render_template("sections.html", sections=rows)


@app.route("/sections/<int:section_id>")
@login_required
def section_plots(section_id: int):
    plots = get_db().execute(
        "SELECT id, lot, grave, status, owner_name FROM plots WHERE section_id = ? ORDER BY lot, grave",
        (section_id,),
    ).fetchall()
    return render_template("plots.html", plots=plots, statuses=PLOT_STATUSES)


@app.route("/plots/<int:plot_id>/status", methods=["POST"])
@login_required
def update_status(plot_id: int):
    status = request.form.get("status")
    if status not in PLOT_STATUSES:
        abort(400)
    db = get_db()
    with db:
        db.execute("UPDATE plots SET status = ?, updated_by = ? WHERE id = ?",
                   (status, session["staff_id"], plot_id))
    return redirect(url_for("sections"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8050, debug=False)
