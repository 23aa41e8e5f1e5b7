"""Adjuster notes timeline for a claim file (internal claims portal)."""
import os
import sqlite3
from datetime import datetime, timezone

from bottle import Bottle, abort, redirect, request, response

app = Bottle()
DB_PATH = os.environ.get("CLAIMS_DB", "/var/lib/claims/claims.db")


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_notes(claim_id):
    with db() as conn:
        rows = conn.execute(
            "SELECT author, created, body FROM claim_notes WHERE claim_id = ? ORDER BY created DESC",
            (claim_id,),
        ).fetchall()
    return [dict(r) for r in rows]


def render_note(note):
    return (
        "<li class='note'><span class='author'>{author}</span> "
        "<time>{created}</time><p>{body}</p></li>"
    ).format(**note)


def render_page(claim_id, notes, query):
    items = "\n".join(render_note(n) for n in notes)
    header = f"<h2>Notes for claim #{claim_id}</h2>"
    if query:
        header += f"<p class='filter'>Showing notes matching <b>{query}</b></p>"
    return f"<!doctype html><html><body>{header}<ul>{items}</ul></body></html>"


@app.get("/claims/<claim_id:int>/notes")
def notes_page(claim_id):
    query = request.query.getunicode("q", "")
    notes = fetch_notes(claim_id)
    if query:
        notes = [n for n in notes if query.lower() in n["body"].lower()]
    response.content_type = "text/html; charset=utf-8"
    page = render_page(claim_id, notes, query)
    return page  # VULN flow


@app.post("/claims/<claim_id:int>/notes")
def add_note(claim_id):
    body = (request.forms.getunicode("body") or "").strip()
    author = request.get_header("X-Remote-User")
    if not author:
        abort(401, "login required")
    if not body:
        abort(400, "empty note")
    with db() as conn:
        conn.execute(
            "INSERT INTO claim_notes (claim_id, author, created, body) VALUES (?, ?, ?, ?)",
            (claim_id, author, datetime.now(timezone.utc).isoformat(timespec="seconds"), body),
        )
    redirect(f"/claims/{claim_id}/notes")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
