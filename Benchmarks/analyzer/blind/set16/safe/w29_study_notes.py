"""Shareable notes for the study-group app (FastAPI)."""
import html
import os
import sqlite3
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response

app = FastAPI()
DB = os.environ.get("NOTES_DB", "/srv/notes/notes.db")
AVATAR_HOSTS = {"www.gravatar.com", "avatars.githubusercontent.com"}
OUTBOUND_HOSTS = {"docs.python.org", "en.wikipedia.org", "arxiv.org"}

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<img class="avatar" src="/notes/{id}/avatar" alt="">
<h1>{title}</h1>
<p class="search">Highlighting: <mark>{highlight}</mark></p>
<article>{body}</article>
</body></html>"""


def host_in(url, hosts, schemes=("https",)):
    if "\\" in url or any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        return False
    parts = urlsplit(url)
    return (parts.scheme in schemes and not parts.username and not parts.password
            and (parts.hostname or "").lower() in hosts)


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
    marked = html.escape(highlight)
    if marked:
        body = body.replace(marked, f"<mark>{marked}</mark>")
    return PAGE.format(id=int(note["id"]), title=html.escape(note["title"]), body=body, highlight=marked)


@app.get("/notes/{note_id}", response_class=HTMLResponse)
def show_note(note_id: int, q: str = ""):
    page = render_note(load_note(note_id), q)
    return HTMLResponse(page)


@app.get("/notes/{note_id}/avatar")
def avatar(note_id: int):
    note = load_note(note_id)
    if not note["author_avatar"] or not host_in(note["author_avatar"], AVATAR_HOSTS):
        raise HTTPException(status_code=404)
    resp = requests.get(note["author_avatar"], timeout=5, allow_redirects=False)
    ctype = resp.headers.get("Content-Type", "")
    if resp.status_code != 200 or not ctype.startswith("image/"):
        raise HTTPException(status_code=502, detail="avatar unavailable")
    return Response(resp.content, media_type=ctype)


@app.get("/out")
def outbound(url: str):
    if not host_in(url, OUTBOUND_HOSTS, schemes=("http", "https")):
        raise HTTPException(status_code=400, detail="link not allowed")
    return RedirectResponse(url)
