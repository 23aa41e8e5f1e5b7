"""Front-desk check-in kiosk backend (runs on the box behind the lobby tablet)."""
import os
import sqlite3
from datetime import datetime

from flask import Flask, flash, g, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["KIOSK_SECRET_KEY"]
app.config["DATABASE"] = "/var/lib/wm-kiosk/kiosk.db"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@app.route("/")
def index():
    return render_template("checkin.html", now=datetime.now())


@app.route("/checkin", methods=["POST"])
def checkin():
    badge = request.form.get("badge", "").strip().upper()
    db = get_db()
    member = db.execute(
        "SELECT id, display_name FROM members WHERE badge_serial = ? AND active = 1", (badge,)
    ).fetchone()
    if member is None:
        flash("Badge not recognised - please see a host.", "error")
        return redirect(url_for("index"))
    with db:
        db.execute(
            "INSERT INTO checkins (member_id, checked_in_at) VALUES (?, ?)",
            (member["id"], datetime.now().isoformat(timespec="seconds")),
        )
    session["last_member"] = member["id"]
    flash(f"Welcome back, {member['display_name']}!", "ok")
    return redirect(url_for("index"))


@app.route("/today")
def today():
    rows = get_db().execute(
        "SELECT m.display_name, c.checked_in_at FROM checkins c "
        "JOIN members m ON m.id = c.member_id "
        "WHERE date(c.checked_in_at) = date('now', 'localtime') ORDER BY c.checked_in_at DESC"
    ).fetchall()
    return render_template("today.html", rows=rows)


if __name__ == "__main__":
    app.run(host=os.environ.get("KIOSK_BIND", "127.0.0.1"), port=5000, debug=False)
