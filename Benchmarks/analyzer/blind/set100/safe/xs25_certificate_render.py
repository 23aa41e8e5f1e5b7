"""Course completion certificates for the tutoring platform."""
import os
import sqlite3
from datetime import date

from flask import Flask, abort, g, jsonify, render_template_string, request, session

app = Flask(__name__)
app.secret_key = os.environ["CERT_SECRET_KEY"]
DB_PATH = os.environ.get("CERT_DB", "courses.db")
DEFAULT_MESSAGE = "Congratulations on completing the course!"

CERT_FRAME = """<!doctype html>
<html><head><meta charset="utf-8"><title>Certificate - {{ student.name }}</title>
<link rel="stylesheet" href="/static/cert.css"></head>
<body><div class="cert">
  <h1>Certificate of Completion</h1>
  <p class="name">{{ student.name }}</p>
  <p class="course">{{ course.title }} ({{ course.level }})</p>
  <div class="message">{{ message }}</div>
  <p class="signed">{{ course.teacher }} &middot; {{ issued }}</p>
</div></body></html>"""


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def certificate_message(custom_message: str) -> str:
    # teachers personalise the text shown on their course certificates
    return custom_message or DEFAULT_MESSAGE


@app.get("/certificates/<int:course_id>")
def certificate(course_id: int):
    student_id = session.get("student_id") or abort(401)
    course = db().execute(
        "SELECT c.title, c.level, c.cert_message, t.name AS teacher FROM courses c "
        "JOIN teachers t ON t.id = c.teacher_id JOIN enrolments e ON e.course_id = c.id "
        "WHERE c.id = ? AND e.student_id = ? AND e.completed_at IS NOT NULL",
        (course_id, student_id),
    ).fetchone()
    if course is None:
        abort(404)
    student = db().execute("SELECT name FROM students WHERE id = ?", (student_id,)).fetchone()
    message = certificate_message(course["cert_message"])
    issued = date.today().strftime("%d %B %Y")
    return render_template_string(CERT_FRAME, student=student, course=course, message=message, issued=issued)


@app.post("/courses/<int:course_id>/certificate-message")
def set_certificate_message(course_id: int):
    teacher_id = session.get("teacher_id") or abort(401)
    message = request.form.get("message", "").strip()[:1000]
    cur = db().execute(
        "UPDATE courses SET cert_message = ? WHERE id = ? AND teacher_id = ?",
        (message, course_id, teacher_id),
    )
    db().commit()
    if cur.rowcount == 0:
        abort(404)
    return jsonify({"course_id": course_id, "length": len(message)})
