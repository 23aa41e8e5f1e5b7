"""Community event board: the public "What's on" page shown on the lobby
screen and linked from the website."""
import sqlite3
from datetime import datetime
from html import escape

from bottle import Bottle, request, response

app = Bottle()
DB = "/var/lib/wm-board/events.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>What's on</title>
<link rel="stylesheet" href="/static/board.css"></head>
<body>
<form action="/events" method="get"><input name="q" placeholder="Search events"></form>
{header}
<div class="grid">{cards}</div>
</body></html>"""


def search_events(term: str):
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    try:
        like = f"%{term}%"
        return conn.execute(
            "SELECT title, host, blurb, starts_at, room FROM events "
            "WHERE approved = 1 AND starts_at >= ? AND (title LIKE ? OR blurb LIKE ?) "
            "ORDER BY starts_at LIMIT 60",
            (datetime.utcnow().isoformat(), like, like),
        ).fetchall()
    finally:
        conn.close()


def render_event_card(ev) -> str:
    when = datetime.fromisoformat(ev["starts_at"]).strftime("%a %d %b, %H:%M")
    return (
        '<article class="event">'
        f'<h3>{escape(ev["title"])}</h3>'
        f'<p class="meta">{when} &middot; {escape(ev["room"])} &middot; hosted by {escape(ev["host"])}</p>'
        f'<p>{escape(ev["blurb"])}</p>'
        "</article>"
    )


@app.get("/events")
def board():
    q = request.query.getunicode("q", default="").strip()
    events = search_events(q)
    cards = "".join(render_event_card(e) for e in events)
    if q:
        header = f"<h2>{len(events)} events matching &quot;{escape(q)}&quot;</h2>"
    else:
        header = "<h2>Upcoming at the space</h2>"
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(header=header, cards=cards)


@app.get("/events.json")
def board_json():
    events = search_events(request.query.getunicode("q", default="").strip())
    return {"events": [dict(e) for e in events]}
