"""Small Bottle app the cellar crew uses to jot and search tasting notes per batch."""
import datetime as dt
import os
import sqlite3
from html import escape

from bottle import Bottle, abort, redirect, request, response

app = Bottle()
DB_PATH = os.environ.get("NOTES_DB", "/var/lib/cellar/notes.db")

PAGE = """<!doctype html>
<html><head><title>Batch {batch} notes</title></head>
<body>
<h1>Batch {batch}</h1>
<form method="get"><input name="q" value="{query}"><button>Search</button></form>
{summary}
<ul>{items}</ul>
<form method="post"><textarea name="note"></textarea><input name="author"><button>Add</button></form>
</body></html>"""


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.execute("CREATE TABLE IF NOT EXISTS notes (batch INTEGER, author TEXT, body TEXT, created TEXT)")
    return conn


def search_notes(batch: int, q: str):
    with db() as conn:
        return conn.execute(
            "SELECT author, body, created FROM notes WHERE batch = ? AND body LIKE ? ORDER BY created DESC",
            (batch, f"%{q}%"),
        ).fetchall()


def render_notes(batch: int, q: str, notes) -> str:
    items = "".join(
        "<li><b>{}</b> ({}) {}</li>".format(escape(author), escape(created[:16]), escape(body))
        for author, body, created in notes
    )
    summary = "<p>%d note(s) matching <em>%s</em></p>" % (len(notes), escape(q)) if q else ""
    return PAGE.format(batch=batch, query=escape(q, quote=True), summary=summary, items=items)


@app.get("/batches/<batch:int>/notes")
def batch_notes(batch):
    q = request.query.getunicode("q", default="") or ""
    notes = search_notes(batch, q)
    body = render_notes(batch, q, notes)
    response.content_type = "text/html; charset=utf-8"
    return body


@app.post("/batches/<batch:int>/notes")
def add_note(batch):
    note = (request.forms.getunicode("note") or "").strip()
    author = (request.forms.getunicode("author") or "crew").strip()[:40]
    if not note:
        abort(400, "empty note")
    with db() as conn:
        conn.execute(
            "INSERT INTO notes VALUES (?, ?, ?, ?)",
            (batch, author, note, dt.datetime.now().isoformat(timespec="minutes")),
        )
    redirect(f"/batches/{batch}/notes")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
