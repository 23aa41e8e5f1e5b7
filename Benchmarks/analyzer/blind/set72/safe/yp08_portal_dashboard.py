"""Lightweight patient portal landing page (Bottle).

Shows the patient's upcoming telehealth appointments and a flash message
passed through the query string after actions such as booking or cancelling.
"""
import html
import sqlite3
from datetime import datetime

from bottle import Bottle, request, response, abort

app = Bottle()
DB_PATH = "/srv/portal/portal.db"

PAGE = """<!doctype html>
<html><head><title>My Health</title></head>
<body>
<header>Welcome back, {name}</header>
{flash}
<h2>Upcoming visits</h2>
<ul>{visits}</ul>
</body></html>"""


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def current_patient():
    sid = request.get_cookie("portal_sid")
    if not sid:
        abort(401, "login required")
    with db() as conn:
        row = conn.execute(
            "SELECT p.id, p.display_name FROM sessions s JOIN patients p ON p.id = s.patient_id "
            "WHERE s.sid = ? AND s.expires_at > ?", (sid, datetime.utcnow().isoformat())
        ).fetchone()
    if row is None:
        abort(401, "session expired")
    return row


def upcoming_visits(patient_id):
    with db() as conn:
        return conn.execute(
            "SELECT starts_at, clinician, visit_type FROM appointments "
            "WHERE patient_id = ? AND starts_at >= ? ORDER BY starts_at LIMIT 10",
            (patient_id, datetime.utcnow().isoformat()),
        ).fetchall()


def render_flash(message):
    if not message:
        return ""
    return '<div class="flash">%s</div>' % html.escape(message)


@app.get("/portal")
def dashboard():
    patient = current_patient()
    visits = "".join(
        "<li>%s with Dr. %s (%s)</li>" % (
            html.escape(v["starts_at"][:16]), html.escape(v["clinician"]), html.escape(v["visit_type"]))
        for v in upcoming_visits(patient["id"])
    ) or "<li>No upcoming visits</li>"
    flash = render_flash(request.query.getunicode("msg", ""))
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(name=html.escape(patient["display_name"]), flash=flash, visits=visits)


@app.post("/portal/profile")
def update_profile():
    patient = current_patient()
    display_name = (request.forms.getunicode("display_name") or "").strip()[:80]
    with db() as conn:
        conn.execute("UPDATE patients SET display_name = ? WHERE id = ?", (display_name, patient["id"]))
    response.status = 303
    response.set_header("Location", "/portal?msg=Profile+updated")
    return ""


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
