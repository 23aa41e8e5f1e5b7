"""Season leaderboard page for the ladder site."""
import sqlite3
from typing import Iterable

from flask import Flask, Response, request

app = Flask(__name__)
DB = "/var/lib/ladder/ladder.db"

PAGE = """<!doctype html>
<html><head><title>Ladder - {season}</title>
<link rel="stylesheet" href="/static/ladder.css"></head>
<body>
<h1>Season {season} leaderboard</h1>
<p class="hint">Showing results for <b>{highlight}</b></p>
<table class="board">
<tr><th>#</th><th>Player</th><th>Rating</th><th>W/L</th></tr>
{rows}
</table>
</body></html>
"""


def fetch_rows(season: str, limit: int = 100):
    with sqlite3.connect(DB) as conn:
        return conn.execute(
            "SELECT display_name, rating, wins, losses FROM standings "
            "WHERE season = ? ORDER BY rating DESC LIMIT ?",
            (season, limit),
        ).fetchall()


def render_rows(rows: Iterable[tuple], highlight: str) -> str:
    out = []
    for pos, (name, rating, wins, losses) in enumerate(rows, start=1):
        cls = ' class="me"' if name == highlight else ""
        out.append(
            f"<tr{cls}><td>{pos}</td><td>{name}</td>"
            f"<td>{rating}</td><td>{wins}/{losses}</td></tr>"
        )
    return "\n".join(out)


@app.route("/ladder")
def ladder():
    season = request.args.get("season", "current")
    highlight = request.args.get("player", "")
    limit = min(request.args.get("limit", 100, type=int), 500)
    rows = fetch_rows(season, limit)
    html = PAGE.format(season=season, highlight=highlight or "everyone", rows=render_rows(rows, highlight))
    return Response(html, mimetype="text/html")  # VULN flow


@app.route("/ladder/empty")
def empty():
    return Response("<p>No season data yet.</p>", mimetype="text/html")


if __name__ == "__main__":
    app.run(port=5003)
