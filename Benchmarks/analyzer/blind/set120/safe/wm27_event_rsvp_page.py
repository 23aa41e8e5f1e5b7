"""Event RSVP page for the community board: event details, who's coming
and their comments ("bringing my own filament!")."""
import sqlite3

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for
from markupsafe import Markup, escape

app = Flask(__name__)
app.config.from_envvar("WM_BOARD_SETTINGS")
DB_PATH = "/var/lib/wm-board/events.db"

PAGE = """<!doctype html>
<title>{{ event.title }}</title>
<h1>{{ event.title }}</h1>
<p class="meta">{{ event.starts_at }} &middot; {{ event.room }} &middot; {{ rsvps|length }} going</p>
<ul class="rsvps">
{% for r in rsvps %}<li><strong>{{ r.name }}</strong><div class="comment">{{ r.comment }}</div></li>{% endfor %}
</ul>
{% if session.member_id %}
<form method="post"><textarea name="comment" maxlength="500"></textarea><button>I'm going</button></form>
{% endif %}
"""


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def format_comment(text: str) -> Markup:
    # keep the line breaks people type in the textarea
    lines = text.strip().replace("\r\n", "\n").split("\n")
    return Markup("<br>").join(escape(line) for line in lines)


def load_rsvps(event_id: int) -> list:
    rows = get_db().execute(
        "SELECT m.display_name AS name, r.comment FROM rsvps r "
        "JOIN members m ON m.id = r.member_id WHERE r.event_id = ? ORDER BY r.created_at",
        (event_id,),
    ).fetchall()
    return [{"name": r["name"], "comment": format_comment(r["comment"] or "")} for r in rows]


@app.route("/events/<int:event_id>", methods=["GET", "POST"])
def event_page(event_id: int):
    event = get_db().execute(
        "SELECT id, title, starts_at, room FROM events WHERE id = ? AND approved = 1", (event_id,)
    ).fetchone()
    if event is None:
        abort(404)
    if request.method == "POST":
        if "member_id" not in session:
            abort(403)
        with get_db():
            get_db().execute(
                "INSERT OR REPLACE INTO rsvps (event_id, member_id, comment, created_at) "
                "VALUES (?, ?, ?, datetime('now'))",
                (event_id, session["member_id"], request.form.get("comment", "")[:500]),
            )
        return redirect(url_for("event_page", event_id=event_id))
    return render_template_string(PAGE, event=event, rsvps=load_rsvps(event_id))
