"""Embeddable fixture widgets: clubs customise the HTML snippet shown on their site."""
import logging
import sqlite3
from datetime import date

from flask import Flask, Response, abort, jsonify, request
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("widgets")

DB_PATH = "/var/lib/league/fixtures.db"
DEFAULT_WIDGET = """<ul class="fixtures">
{% for f in fixtures %}<li>{{ f.kickoff }} &ndash; {{ f.home }} v {{ f.away }} @ {{ f.venue }}</li>{% endfor %}
</ul>"""
WIDGETS: dict = {}  # club_id -> template source (persisted to redis in prod)
widget_env = SandboxedEnvironment(autoescape=True)


def upcoming_fixtures(club_id: str, limit: int = 6) -> list:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            "SELECT kickoff, home, away, venue FROM fixtures "
            "WHERE (home_club = ? OR away_club = ?) AND date(kickoff) >= ? ORDER BY kickoff LIMIT ?",
            (club_id, club_id, date.today().isoformat(), limit),
        ).fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]


@app.put("/clubs/<club_id>/widget")
def save_widget(club_id):
    body = request.get_json(force=True) or {}
    source = str(body.get("template", ""))
    if not source or len(source) > 8000:
        abort(400, "template must be 1-8000 characters")
    try:
        widget_env.parse(source)
    except TemplateSyntaxError:
        abort(400, "template does not compile")
    WIDGETS[club_id] = source
    log.info("widget template updated for club %r (%d chars)", club_id, len(source))
    return jsonify({"saved": True})


@app.get("/embed/<club_id>/fixtures")
def embed(club_id):
    source = WIDGETS.get(club_id, DEFAULT_WIDGET)
    fixtures = upcoming_fixtures(club_id)
    html = widget_env.from_string(source).render(fixtures=fixtures, club=club_id)
    resp = Response(html, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = "sandbox; default-src 'self'"
    resp.headers["Cache-Control"] = "public, max-age=300"
    return resp
