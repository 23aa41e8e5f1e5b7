"""Visitor log for the office reception kiosk."""
import html
import os
import sqlite3
from datetime import datetime

from bottle import Bottle, HTTPError, redirect, request, response

app = Bottle()
DB_PATH = os.environ.get("KIOSK_DB", "/var/lib/kiosk/guestbook.db")
OFFICE_NAME = os.environ.get("KIOSK_OFFICE", "Lisbon HQ")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Visitor log</title></head>
<body>
<h1>Welcome to {office}</h1>
<form method="post" action="/sign">
  <input name="name" placeholder="Your name" maxlength="80" required>
  <input name="host" placeholder="Who are you visiting?" maxlength="80">
  <input name="note" placeholder="Note" maxlength="200">
  <button type="submit">Sign in</button>
</form>
<ul>
{rows}
</ul>
</body></html>"""


def connect():
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS visits (id INTEGER PRIMARY KEY, name TEXT, host TEXT, "
        "note TEXT, created_at TEXT)"
    )
    return conn


def recent_entries(limit=50):
    with connect() as conn:
        return conn.execute(
            "SELECT name, host, note, created_at FROM visits ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()


def format_entry(entry):
    name, host, note, created = (html.escape(str(v or "")) for v in entry)
    return f"<li><strong>{name}</strong> visiting {host} &mdash; {note} <em>{created}</em></li>"


@app.get("/")
def index():
    rows = "\n".join(format_entry(e) for e in recent_entries())
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(office=html.escape(OFFICE_NAME), rows=rows)


@app.post("/sign")
def sign():
    name = request.forms.getunicode("name", "").strip()
    host = request.forms.getunicode("host", "").strip()
    note = request.forms.getunicode("note", "").strip()
    if not name or len(name) > 80 or len(host) > 80 or len(note) > 200:
        raise HTTPError(400, "Please provide your name (max 80 characters).")
    with connect() as conn:
        conn.execute(
            "INSERT INTO visits (name, host, note, created_at) VALUES (?, ?, ?, ?)",
            (name, host, note, datetime.now().strftime("%Y-%m-%d %H:%M")),
        )
    redirect("/")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8070)
