"""Shareable notes for the study-group app (FastAPI)."""
import html
import os
import sqlite3

import requests
from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response

app = FastAPI()
DB = os.environ.get("NOTES_DB", "/srv/notes/notes.db")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<img class="avatar" src="/notes/{id}/avatar" alt="">
<h1>{title}</h1>
<p class="search">Highlighting: <mark>{highlight}</mark></p>
<article>{body}</article>
</body></html>"""


def load_note(note_id):
    with sqlite3.connect(DB) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            "SELECT id, title, body, author_avatar FROM notes WHERE id = ? AND shared = 1", (note_id,)
        ).fetchone()
    if row is None:
        raise HTTPException(status_code=404)
    return row


def render_note(note, highlight):
    body = html.escape(note["body"]).replace("\n", "<br>")
    if highlight:
        marked = html.escape(highlight)
        body = body.replace(marked, f"<mark>{marked}</mark>")
    return PAGE.format(id=int(note["id"]), title=html.escape(note["title"]), body=body, highlight=highlight)


@app.get("/notes/{note_id}", response_class=HTMLResponse)
def show_note(note_id: int, q: str = ""):
    page = render_note(load_note(note_id), q)
    return HTMLResponse(page)  # VULN flow


@app.get("/notes/{note_id}/avatar")
def avatar(note_id: int):
    note = load_note(note_id)
    if not note["author_avatar"]:
        raise HTTPException(status_code=404)
    resp = requests.get(note["author_avatar"], timeout=5)  # VULN flow
    ctype = resp.headers.get("Content-Type", "")
    if resp.status_code != 200 or not ctype.startswith("image/"):
        raise HTTPException(status_code=502, detail="avatar unavailable")
    return Response(resp.content, media_type=ctype)


@app.get("/out")
def outbound(url: str):
    return RedirectResponse(url)  # VULN
