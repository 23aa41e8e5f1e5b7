"""Public "guest wall" showing recent stay reviews on the hotel website."""
import datetime as dt
import logging
import sqlite3

from flask import Flask, Response, g, redirect, request, url_for
from markupsafe import escape

app = Flask(__name__)
log = logging.getLogger("guestwall")
DB = "/srv/guestwall/feedback.db"

PAGE = """<!doctype html>
<html><head><title>Guest Wall - Harbourview Hotel</title>
<link rel="stylesheet" href="/static/wall.css"></head>
<body><h1>What our guests say</h1>{cards}
<form method="post" action="/feedback">
<input name="name" placeholder="Your name"><input name="room" placeholder="Room">
<textarea name="comment"></textarea><button>Share</button></form>
</body></html>"""


def db() -> sqlite3.Connection:
    if "conn" not in g:
        g.conn = sqlite3.connect(DB)
    return g.conn


def render_card(row) -> str:
    name, room, comment, stars, created = row
    when = dt.datetime.fromisoformat(created).strftime("%d %b %Y")
    star_html = "&#9733;" * int(stars)
    return (
        f'<div class="card"><div class="stars">{star_html}</div>'
        f"<p>{escape(comment)}</p><span>{escape(name)}, room {escape(room)} &middot; {when}</span></div>"
    )


@app.get("/")
def wall():
    rows = db().execute(
        "SELECT name, room, comment, stars, created FROM feedback "
        "WHERE approved = 1 ORDER BY created DESC LIMIT 30"
    ).fetchall()
    cards = "\n".join(render_card(r) for r in rows)
    page = PAGE.format(cards=cards)
    return Response(page, mimetype="text/html")


@app.get("/room/<room>")
def by_room(room):
    rows = db().execute(
        "SELECT name, room, comment, stars, created FROM feedback "
        "WHERE approved = 1 AND room = ? ORDER BY created DESC", (room,)
    ).fetchall()
    if not rows:
        return f"<h2>No feedback yet for room {escape(request.view_args['room'])}</h2>", 404
    return Response(PAGE.format(cards="\n".join(render_card(r) for r in rows)), mimetype="text/html")


@app.post("/feedback")
def submit():
    stars = max(1, min(5, int(request.form.get("stars", 5))))
    with db() as conn:
        conn.execute(
            "INSERT INTO feedback (name, room, comment, stars, created, approved) "
            "VALUES (?, ?, ?, ?, ?, 1)",
            (request.form.get("name", "Guest")[:60], request.form.get("room", "")[:8],
             request.form.get("comment", "")[:1000], stars, dt.datetime.utcnow().isoformat()),
        )
    return redirect(url_for("wall"))
