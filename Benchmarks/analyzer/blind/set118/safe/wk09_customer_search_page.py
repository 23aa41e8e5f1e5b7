"""Front-desk customer lookup page for the repair shop."""
import logging
import sqlite3
from html import escape

from flask import Flask, Response, g, request

app = Flask(__name__)
log = logging.getLogger("customer_search")

DB_PATH = "/var/lib/shopdesk/customers.db"

PAGE = """<!doctype html>
<html><head><title>Customer search</title>
<link rel="stylesheet" href="/static/desk.css"></head>
<body>
<form method="get" action="/customers"><input name="q" value="{query}"><button>Search</button></form>
<p>{count} result(s) for <b>{query}</b></p>
<table><tr><th>Name</th><th>Phone</th><th>Vehicle</th><th>Last visit</th></tr>
{rows}
</table></body></html>"""

ROW = "<tr><td>{name}</td><td>{phone}</td><td>{vehicle}</td><td>{last_visit}</td></tr>"


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(DB_PATH)
        g.conn.row_factory = sqlite3.Row
    return g.conn


def search_customers(term: str, limit: int = 50):
    like = f"%{term}%"
    return db().execute(
        "SELECT name, phone, vehicle, last_visit FROM customers "
        "WHERE name LIKE ? OR phone LIKE ? OR plate LIKE ? ORDER BY last_visit DESC LIMIT ?",
        (like, like, like, limit),
    ).fetchall()


def render_rows(customers) -> str:
    out = []
    for c in customers:
        out.append(
            ROW.format(
                name=escape(c["name"] or ""),
                phone=escape(c["phone"] or ""),
                vehicle=escape(c["vehicle"] or ""),
                last_visit=escape(c["last_visit"] or "-"),
            )
        )
    return "\n".join(out)


@app.route("/customers")
def customers():
    query = request.args.get("q", "").strip()
    rows = search_customers(query) if query else []
    html = PAGE.format(query=escape(query, quote=True), count=len(rows), rows=render_rows(rows))
    return Response(html, mimetype="text/html")
