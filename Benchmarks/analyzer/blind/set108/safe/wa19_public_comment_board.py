"""Public comment board for city council agenda items.

Residents post written comments ahead of the meeting; the clerk's office
links the per-meeting comment page from the published agenda.
"""
import sqlite3
from datetime import datetime, timezone

from flask import Flask, Response, abort, g, redirect, request, url_for
from markupsafe import escape

app = Flask(__name__)
DATABASE = "/var/lib/civic/comments.db"

PAGE_TMPL = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/agenda.css"></head>
<body><h1>{title}</h1><ul class="comments">
{items}
</ul></body></html>"""

COMMENT_TMPL = '<li><span class="author">{author}</span> <time>{when}</time><p>{body}</p></li>'


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def render_comment(row: sqlite3.Row) -> str:
    body = str(escape(row["body"])).replace("\n", "<br>")
    return COMMENT_TMPL.format(author=escape(row["author"]), when=escape(row["created_at"][:16]), body=body)


@app.get("/meetings/<int:meeting_id>/comments")
def list_comments(meeting_id: int):
    rows = db().execute(
        "SELECT author, body, created_at FROM comments WHERE meeting_id = ? ORDER BY created_at",
        (meeting_id,),
    ).fetchall()
    items = "\n".join(render_comment(r) for r in rows)
    page = PAGE_TMPL.format(title=f"Public comments - meeting {meeting_id}", items=items)
    return Response(page, mimetype="text/html")


@app.post("/meetings/<int:meeting_id>/comments")
def post_comment(meeting_id: int):
    author = (request.form.get("author") or "Anonymous").strip()[:80]
    body = (request.form.get("body") or "").strip()
    if not body or len(body) > 4000:
        abort(400, "comment must be between 1 and 4000 characters")
    db().execute(
        "INSERT INTO comments (meeting_id, author, body, created_at) VALUES (?, ?, ?, ?)",
        (meeting_id, author, body, datetime.now(timezone.utc).isoformat()),
    )
    db().commit()
    return redirect(url_for("list_comments", meeting_id=meeting_id))
