"""Community radio playlist and song-request service (Bottle)."""
import html
import logging
import os
import re
import sqlite3
from datetime import datetime, timezone

from bottle import Bottle, redirect, request, response, run

app = Bottle()
log = logging.getLogger("radio.playlist")

DB_PATH = os.environ.get("RADIO_DB", "playlists.db")
TITLE_RE = re.compile(r"^\w+(?: \w+)*$")
RETURN_PATH_RE = re.compile(r"^/(?!/)[A-Za-z0-9/_.-]*$")
MAX_TITLE = 120


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def render_plays(rows):
    items = "".join(
        "<li>{} &mdash; {} <small>{}</small></li>".format(
            html.escape(r["title"]), html.escape(r["artist"]), html.escape(r["aired_at"])
        )
        for r in rows
    )
    return "<ul class='plays'>" + items + "</ul>"


def local_return_path(value):
    if value and RETURN_PATH_RE.fullmatch(value):
        return value
    return "/"


@app.get("/search")
def search():
    q = request.query.getunicode("q", default="").strip()
    with db() as conn:
        rows = conn.execute(
            "SELECT title, artist, aired_at FROM plays WHERE title LIKE ? ORDER BY aired_at DESC LIMIT 50",
            (f"%{q}%",),
        ).fetchall()
    response.content_type = "text/html; charset=utf-8"
    return "<h2>Results for " + html.escape(request.query.getunicode("q", default="")) + "</h2>" + render_plays(rows)


@app.post("/requests")
def submit_request():
    title = request.forms.getunicode("title", default="").strip()
    listener = request.forms.getunicode("listener", default="anonymous").strip()[:40]
    if len(title) > MAX_TITLE or not TITLE_RE.match(title):
        response.status = 400
        return {"error": "title may contain letters, digits and single spaces"}
    with db() as conn:
        conn.execute(
            "INSERT INTO song_requests (title, listener, requested_at) VALUES (?, ?, ?)",
            (title, listener, datetime.now(timezone.utc).isoformat()),
        )
    log.info("song request %r from %r", title, listener)
    redirect(local_return_path(request.forms.get("return_to")))


@app.get("/now-playing")
def now_playing():
    with db() as conn:
        row = conn.execute("SELECT title, artist FROM plays ORDER BY aired_at DESC LIMIT 1").fetchone()
    return dict(row) if row else {"title": None, "artist": None}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(app, host="127.0.0.1", port=8085)
