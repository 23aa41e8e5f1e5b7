"""Public used-car search page for the dealership website."""
import sqlite3

from flask import Flask, Response, g, request

app = Flask(__name__)
DB_PATH = "/var/lib/dealer/inventory.db"

PAGE = """<!doctype html>
<html><head><title>Used cars - Northgate Motors</title></head>
<body>
<form action="/inventory/search"><input name="q" value="{query}"><button>Search</button></form>
<h2>{count} vehicles found for &ldquo;{query}&rdquo;</h2>
<ul class="results">
{listing}
</ul>
</body></html>"""


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def find_vehicles(q: str, limit: int = 50):
    pattern = f"%{q}%"
    return get_db().execute(
        "SELECT id, make, model, model_year, list_price, colour FROM vehicles "
        "WHERE status = 'available' AND (make LIKE ? OR model LIKE ? OR colour LIKE ?) "
        "ORDER BY list_price LIMIT ?",
        (pattern, pattern, pattern, limit),
    ).fetchall()


def render_row(r) -> str:
    return (
        f"<li><a href='/vehicles/{r['id']}'>{r['model_year']} {r['make']} {r['model']}</a>"
        f" ({r['colour']}) &ndash; &pound;{r['list_price']:,.0f}</li>"
    )


def render_results(query: str, rows) -> str:
    listing = "\n".join(render_row(r) for r in rows) or "<li>No vehicles matched.</li>"
    return PAGE.format(query=query, count=len(rows), listing=listing)


@app.route("/inventory/search")
def search():
    q = request.args.get("q", "").strip()
    rows = find_vehicles(q) if q else []
    body = render_results(q, rows)
    return Response(body, mimetype="text/html")  # VULN flow


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()
