"""Hospital bed board: ward charge nurses update availability, ED sees it live."""
import logging
import sqlite3

from flask import Flask, flash, g, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = "bedboard-prod-2f9c77e1a4"  # VULN
app.config["DATABASE"] = "/var/lib/bedboard/beds.db"
log = logging.getLogger("bedboard")

STATUSES = ("available", "occupied", "cleaning", "blocked")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


@app.before_request
def require_login():
    if request.endpoint not in ("login", "static") and "nurse_id" not in session:
        return redirect(url_for("login"))


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        badge = request.form.get("badge", "")
        row = db().execute("SELECT id FROM staff WHERE badge = ?", (badge,)).fetchone()
        if row:
            session["nurse_id"] = row["id"]
            return redirect(url_for("board"))
        flash("Unknown badge")
    return render_template("login.html")


@app.route("/")
def board():
    beds = db().execute(
        "SELECT ward, bed_no, status, updated_at FROM beds ORDER BY ward, bed_no"
    ).fetchall()
    return render_template("board.html", beds=beds)


@app.route("/beds/<ward>/<bed_no>", methods=["POST"])
def update_bed(ward, bed_no):
    status = request.form.get("status")
    if status not in STATUSES:
        flash("Invalid status")
        return redirect(url_for("board"))
    db().execute(
        "UPDATE beds SET status = ?, updated_at = datetime('now'), updated_by = ? "
        "WHERE ward = ? AND bed_no = ?",
        (status, session["nurse_id"], ward, bed_no),
    )
    db().commit()
    return redirect(url_for("board"))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
