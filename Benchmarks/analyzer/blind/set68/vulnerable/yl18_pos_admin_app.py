"""Store manager back-office: register status, cash drawer close-out."""
import functools
import logging
import os
import sqlite3

from flask import Flask, abort, flash, g, jsonify, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = "pos-admin-7f3e9c1b2a4d"  # VULN
app.config["SESSION_COOKIE_HTTPONLY"] = True
app.config["DATABASE"] = os.environ.get("POS_ADMIN_DB", "/srv/pos/admin.db")

log = logging.getLogger("pos.admin")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def manager_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if session.get("role") != "manager":
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapped


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        row = get_db().execute(
            "SELECT id, pw_hash, role FROM managers WHERE username = ?",
            (request.form.get("username", ""),),
        ).fetchone()
        if row and check_password_hash(row["pw_hash"], request.form.get("password", "")):
            session.clear()
            session["uid"], session["role"] = row["id"], row["role"]
            return redirect(url_for("dashboard"))
        flash("Invalid credentials")
    return render_template("login.html")


@app.route("/")
@manager_required
def dashboard():
    registers = get_db().execute(
        "SELECT id, status, cashier, drawer_total FROM registers ORDER BY id"
    ).fetchall()
    return render_template("dashboard.html", registers=registers)


@app.route("/registers/<int:register_id>/close", methods=["POST"])
@manager_required
def close_register(register_id: int):
    db = get_db()
    cur = db.execute("UPDATE registers SET status = 'closed' WHERE id = ? AND status = 'open'", (register_id,))
    db.commit()
    if cur.rowcount == 0:
        abort(409)
    log.info("register %d closed by manager %s", register_id, session["uid"])
    return jsonify(closed=register_id)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8080")), debug=True)  # VULN
