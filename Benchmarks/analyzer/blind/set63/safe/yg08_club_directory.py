"""Public club directory: search page and club detail pages."""
import html
import sqlite3
from urllib.parse import quote

from bottle import Bottle, abort, request, response, template

app = Bottle()
DB_PATH = "/var/lib/clubs/directory.db"

SEARCH_PAGE = """<!doctype html>
<html><head><title>Find a club</title></head>
<body>
<h1>Results for &ldquo;{query}&rdquo;</h1>
<ul class="clubs">{rows}</ul>
<p class="count">{count} clubs found</p>
</body></html>"""

DETAIL_TPL = """<h1>{{club['name']}}</h1>
<p>{{club['suburb']}} &middot; {{club['sport']}}</p>
<p>{{club['blurb']}}</p>"""


def query(sql: str, params: tuple):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def search_clubs(term: str, sport: str):
    return query(
        "SELECT slug, name, suburb FROM clubs WHERE name LIKE ? AND sport = ? ORDER BY name LIMIT 50",
        (f"%{term}%", sport),
    )


def render_row(row) -> str:
    slug = quote(row["slug"], safe="")
    return f'<li><a href="/clubs/{slug}">{html.escape(row["name"])}</a> &middot; {html.escape(row["suburb"])}</li>'


@app.get("/clubs/search")
def club_search():
    term = request.query.getunicode("q", "").strip()
    sport = request.query.getunicode("sport", "football")
    results = search_clubs(term, sport)
    rows = "".join(render_row(r) for r in results)
    response.content_type = "text/html; charset=utf-8"
    return SEARCH_PAGE.format(query=html.escape(term), rows=rows, count=len(results))


@app.get("/clubs/<slug>")
def club_detail(slug):
    found = query("SELECT name, suburb, sport, blurb FROM clubs WHERE slug = ?", (slug,))
    if not found:
        abort(404, "No such club")
    return template(DETAIL_TPL, club=dict(found[0]))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8088)
