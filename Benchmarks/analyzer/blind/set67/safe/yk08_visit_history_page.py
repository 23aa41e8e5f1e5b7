"""Visit history pages for the trial coordinator console."""
import html
import os
import sqlite3

from bottle import Bottle, abort, request, response

app = Bottle()
DB_PATH = os.environ.get("TRIAL_DB", "/var/lib/trialdb/visits.sqlite")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Visits for {pid}</title></head>
<body>
<h1>Participant {pid}</h1>
<form method="get"><input name="q" value="{search}"><button>Filter</button></form>
<p>Showing visits whose notes mention "{search}"</p>
<table>
<tr><th>Date</th><th>Visit</th><th>Coordinator notes</th></tr>
{rows}
</table>
</body></html>"""


def fetch_visits(pid, search):
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.execute(
            "SELECT visit_date, visit_code, notes FROM visits "
            "WHERE participant_id = ? AND notes LIKE ? ORDER BY visit_date",
            (pid, f"%{search}%"),
        )
        return cur.fetchall()
    finally:
        conn.close()


def render_row(row):
    visit_date, code, notes = (html.escape(str(v)) for v in row)
    return f"<tr><td>{visit_date}</td><td>{code}</td><td>{notes}</td></tr>"


@app.get("/participants/<pid>/visits")
def visits(pid):
    if not pid.isalnum():
        abort(400, "bad participant id")
    search = request.query.getunicode("q", default="")
    rows = fetch_visits(pid, search)
    page = PAGE.format(
        pid=html.escape(pid),
        search=html.escape(search, quote=True),
        rows="\n".join(render_row(r) for r in rows),
    )
    response.content_type = "text/html; charset=utf-8"
    return page


@app.post("/participants/<pid>/visits/<code>/notes")
def add_note(pid, code):
    note = request.forms.getunicode("note", default="").strip()
    if not note:
        abort(400, "empty note")
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.execute(
            "UPDATE visits SET notes = notes || char(10) || ? "
            "WHERE participant_id = ? AND visit_code = ?",
            (note, pid, code),
        )
    conn.close()
    response.status = 204


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
