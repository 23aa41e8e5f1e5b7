"""Tutor dashboard: today's lessons and student progress overview."""
import os
import sqlite3
from datetime import date

from flask import Flask, abort, g, redirect, render_template, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["DASHBOARD_SECRET_KEY"]
app.config["DATABASE"] = os.environ.get("DASHBOARD_DB", "tutoring.db")


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


def require_tutor() -> int:
    tutor_id = session.get("tutor_id")
    if tutor_id is None:
        abort(401)
    return int(tutor_id)


@app.route("/")
def index():
    return redirect(url_for("today"))


@app.route("/today")
def today():
    tutor_id = require_tutor()
    lessons = get_db().execute(
        "SELECT l.id, l.starts_at, l.topic, s.name AS student FROM lessons l "
        "JOIN students s ON s.id = l.student_id WHERE l.tutor_id = ? AND date(l.starts_at) = ? "
        "ORDER BY l.starts_at",
        (tutor_id, date.today().isoformat()),
    ).fetchall()
    return render_template("today.html", lessons=lessons)


@app.route("/students/<int:student_id>")
def student_progress(student_id: int):
    tutor_id = require_tutor()
    db = get_db()
    student = db.execute(
        "SELECT id, name, target_language, cefr_level FROM students WHERE id = ? AND tutor_id = ?",
        (student_id, tutor_id),
    ).fetchone()
    if student is None:
        abort(404)
    scores = db.execute(
        "SELECT taken_at, skill, score FROM assessments WHERE student_id = ? ORDER BY taken_at DESC LIMIT 30",
        (student_id,),
    ).fetchall()
    return render_template("progress.html", student=student, scores=scores)


if __name__ == "__main__":
    # started by the systemd unit on the tutoring VM, behind nginx
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=False)
