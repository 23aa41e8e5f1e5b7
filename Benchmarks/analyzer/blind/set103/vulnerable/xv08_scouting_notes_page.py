"""Field scouting notes board for the farm office intranet."""
import os
import sqlite3

from flask import Flask, g, redirect, request, url_for

app = Flask(__name__)
DB_PATH = os.environ.get("SCOUT_DB", "scouting.db")
EXPORT_FORMATS = ("csv", "json")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Scouting notes</title>
<link rel="stylesheet" href="/static/notes.css"></head>
<body>
<form method="get" action="/notes"><input name="q" placeholder="search notes"></form>
{body}
</body></html>"""


def db() -> sqlite3.Connection:
    if "conn" not in g:
        g.conn = sqlite3.connect(DB_PATH)
        g.conn.row_factory = sqlite3.Row
    return g.conn


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


def render_note(note) -> str:
    pest = note["pest"] or "no pest recorded"
    return (
        f"<article class='note'><h3>{note['field_name']}</h3>"
        f"<p class='meta'>{note['scout']} &middot; {note['observed_on']} &middot; {pest}</p>"
        f"<p>{note['body']}</p></article>"
    )


@app.route("/notes")
def list_notes():
    q = request.args.get("q", "").strip()
    rows = db().execute(
        "SELECT field_name, scout, observed_on, pest, body FROM notes "
        "WHERE body LIKE ? ORDER BY observed_on DESC LIMIT 100",
        (f"%{q}%",),
    ).fetchall()
    header = f"<h2>Results for {q}</h2>" if q else "<h2>Recent notes</h2>"
    body = header + "".join(render_note(r) for r in rows)
    return PAGE.format(body=body)  # VULN flow


@app.route("/notes", methods=["POST"])
def add_note():
    form = request.form
    db().execute(
        "INSERT INTO notes (field_name, scout, observed_on, pest, body) "
        "VALUES (?, ?, date('now'), ?, ?)",
        (form["field_name"], form["scout"], form.get("pest"), form["body"]),
    )
    db().commit()
    return redirect(url_for("list_notes"))


@app.route("/notes/export")
def export_notes():
    fmt = request.args.get("format", "csv")
    if fmt not in EXPORT_FORMATS:
        return f"<p>Unsupported export format: {request.args.get('format')}</p>", 400  # VULN
    rows = db().execute("SELECT * FROM notes ORDER BY observed_on").fetchall()
    if fmt == "json":
        return {"notes": [dict(r) for r in rows]}
    lines = ["field_name,scout,observed_on,pest"]
    lines += [f"{r['field_name']},{r['scout']},{r['observed_on']},{r['pest'] or ''}" for r in rows]
    return "\n".join(lines), 200, {"Content-Type": "text/csv"}
