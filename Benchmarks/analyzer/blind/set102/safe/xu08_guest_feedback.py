"""Guest feedback wall for the lobby screen and the post-stay survey."""
import logging
import sqlite3
from html import escape
from urllib.parse import quote

from bottle import Bottle, redirect, request, response, run

app = Bottle()
log = logging.getLogger("feedback")
DB = "/var/lib/lobby/feedback.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>What our guests say</title>
<link rel="stylesheet" href="/static/wall.css"></head>
<body><h1>What our guests say</h1><ul class="wall">{items}</ul></body></html>"""


def db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_recent(limit=30):
    with db() as conn:
        return conn.execute(
            "SELECT guest_name, room_type, rating, comment FROM feedback "
            "WHERE rating >= 4 ORDER BY created_at DESC LIMIT ?",
            (limit,),
        ).fetchall()


def render_item(row) -> str:
    stars = "&#9733;" * int(row["rating"])
    return f'<li><span class="stars">{stars}</span><p>{escape(row["comment"])}</p><cite>{escape(row["guest_name"])}, {escape(row["room_type"])}</cite></li>'


@app.get("/wall")
def wall():
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(items="".join(render_item(r) for r in fetch_recent()))


@app.post("/feedback")
def submit():
    name = request.forms.getunicode("guest_name", "").strip()[:60] or "A guest"
    room_type = request.forms.getunicode("room_type", "").strip()[:40]
    comment = request.forms.getunicode("comment", "").strip()[:2000]
    try:
        rating = max(1, min(5, int(request.forms.get("rating", "5"))))
    except ValueError:
        rating = 5
    with db() as conn:
        conn.execute(
            "INSERT INTO feedback (guest_name, room_type, rating, comment, created_at) "
            "VALUES (?, ?, ?, ?, datetime('now'))",
            (name, room_type, rating, comment),
        )
    log.info("feedback stored, rating=%d", rating)
    redirect("/thanks?name=" + quote(name))


@app.get("/thanks")
def thanks():
    name = request.query.getunicode("name", "guest")
    response.content_type = "text/html; charset=utf-8"
    return "<h2>Thank you, " + escape(name) + "!</h2><p>Your feedback helps our team every day.</p>"


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8090)
