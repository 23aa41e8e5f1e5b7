"""Festival line-up admin (internal tool for the bookings team)."""
import os
import sqlite3
from functools import wraps

from flask import Flask, flash, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["LINEUP_SECRET_KEY"]
app.config["DATABASE"] = os.environ.get("LINEUP_DB", "/var/lib/lineup/lineup.db")
app.config["ADMIN_HASH"] = os.environ.get("LINEUP_ADMIN_HASH", "")

STAGES = ("Main", "Tent", "Forest", "Silent Disco")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def staff_only(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("staff"):
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        if check_password_hash(app.config["ADMIN_HASH"], request.form.get("password", "")):
            session["staff"] = True
            return redirect(url_for("lineup"))
        flash("Wrong password")
    return render_template("login.html")


@app.get("/")
@staff_only
def lineup():
    acts = db().execute(
        "SELECT id, name, stage, day, start_time FROM acts ORDER BY day, stage, start_time"
    ).fetchall()
    return render_template("lineup.html", acts=acts, stages=STAGES)


@app.post("/acts")
@staff_only
def add_act():
    stage = request.form["stage"]
    if stage not in STAGES:
        flash("Unknown stage")
        return redirect(url_for("lineup"))
    db().execute(
        "INSERT INTO acts (name, stage, day, start_time) VALUES (?, ?, ?, ?)",
        (request.form["name"].strip(), stage, int(request.form["day"]), request.form["start_time"]),
    )
    db().commit()
    return redirect(url_for("lineup"))


@app.post("/acts/<int:act_id>/delete")
@staff_only
def delete_act(act_id: int):
    db().execute("DELETE FROM acts WHERE id = ?", (act_id,))
    db().commit()
    return redirect(url_for("lineup"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
