"""Fleet admin console: vehicle roster, assignments and immobiliser control."""
import logging
import os
import sqlite3
from functools import wraps

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["FLEET_ADMIN_SECRET_KEY"],
    DATABASE="/var/lib/fleet-admin/fleet.db",
    SESSION_COOKIE_HTTPONLY=True,
)
log = logging.getLogger("fleet-admin")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("role") != "admin":
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        row = db().execute(
            "SELECT id, pw_hash, role FROM staff WHERE email = ?", (request.form["email"],)
        ).fetchone()
        if row and check_password_hash(row["pw_hash"], request.form["password"]):
            session.clear()
            session["uid"], session["role"] = row["id"], row["role"]
            return redirect(url_for("vehicles"))
        flash("Invalid credentials")
    return render_template("login.html")


@app.route("/vehicles")
@admin_required
def vehicles():
    rows = db().execute("SELECT id, vin, plate, status, driver_id FROM vehicles ORDER BY plate").fetchall()
    return render_template("vehicles.html", vehicles=rows)


@app.route("/vehicles/<int:vid>/immobilise", methods=["POST"])
@admin_required
def immobilise(vid):
    cur = db().execute("UPDATE vehicles SET status = 'immobilised' WHERE id = ?", (vid,))
    if cur.rowcount == 0:
        abort(404)
    db().commit()
    log.info("vehicle %d immobilised by staff %s", vid, session["uid"])
    return redirect(url_for("vehicles"))


@app.route("/vehicles/<int:vid>/assign", methods=["POST"])
@admin_required
def assign(vid):
    driver_id = request.form.get("driver_id", type=int)
    db().execute("UPDATE vehicles SET driver_id = ? WHERE id = ?", (driver_id, vid))
    db().commit()
    return redirect(url_for("vehicles"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5050, debug=False)
