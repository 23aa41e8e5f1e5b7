"""Public catalogue search page for the small-press web shop (Bottle)."""
import html
import os
import sqlite3

from bottle import Bottle, request, response

app = Bottle()
DB_PATH = os.environ.get("SHOP_DB", "/var/lib/smallpress/shop.db")

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Search the catalogue</title>
<link rel="stylesheet" href="/static/shop.css"></head>
<body>
<form action="/catalogue/search"><input name="q" value="{query_value}"><button>Search</button></form>
{heading}
<ul class="results">{rows}</ul>
</body></html>"""

ROW = '<li><a href="/books/{isbn}">{title}</a> <span class="by">{author}</span> <em>{price}</em></li>'


def search_titles(term, limit=40):
    like = f"%{term}%"
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(
            "SELECT isbn, title, author, price_pence FROM books"
            " WHERE in_print = 1 AND (title LIKE ? OR author LIKE ?) ORDER BY title LIMIT ?",
            (like, like, limit),
        ).fetchall()
    return [dict(r) for r in rows]


def format_price(pence):
    return f"£{pence / 100:.2f}"


def render_rows(results):
    return "".join(
        ROW.format(
            isbn=html.escape(r["isbn"]),
            title=html.escape(r["title"]),
            author=html.escape(r["author"]),
            price=format_price(r["price_pence"]),
        )
        for r in results
    )


@app.get("/catalogue/search")
def search_page():
    term = request.query.getunicode("q", default="").strip()
    results = search_titles(term) if term else []
    if term:
        heading = f"<h2>{len(results)} results for &ldquo;{html.escape(term)}&rdquo;</h2>"
    else:
        heading = "<h2>Browse our catalogue</h2>"
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(query_value=html.escape(term, quote=True), heading=heading, rows=render_rows(results))
