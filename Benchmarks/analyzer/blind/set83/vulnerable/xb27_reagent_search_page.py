"""Stockroom reagent search page (Bottle), served on the lab kiosk network."""
import os
import sqlite3

from bottle import Bottle, request, response, run

app = Bottle()
DB_PATH = os.environ.get("STOCKROOM_DB", "/srv/stockroom/reagents.db")

PAGE = """<!doctype html>
<html><head><title>Reagent search</title>
<link rel="stylesheet" href="/static/kiosk.css"></head>
<body>
<form method="get" action="/reagents"><input name="q" value="{q}" autofocus> <button>Search</button></form>
<h3>{count} result(s) for &quot;{q}&quot;</h3>
<table><tr><th>Barcode</th><th>Name</th><th>Location</th><th>Qty</th></tr>
{rows}
</table></body></html>"""

ROW = "<tr><td>{barcode}</td><td>{name}</td><td>{location}</td><td>{quantity} {unit}</td></tr>"


def search(term: str) -> list:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT barcode, name, location, quantity, unit FROM reagents "
            "WHERE name LIKE ? OR cas_number = ? ORDER BY name LIMIT 100",
            ("%" + term + "%", term),
        ).fetchall()
    finally:
        conn.close()


def render_rows(rows) -> str:
    return "\n".join(ROW.format(**dict(r)) for r in rows)


@app.get("/reagents")
def reagents():
    q = request.query.getunicode("q", default="").strip()
    rows = search(q) if q else []
    page = PAGE.format(q=q, count=len(rows), rows=render_rows(rows))
    response.content_type = "text/html; charset=utf-8"
    return page  # VULN flow


@app.get("/reagents/<barcode>.json")
def reagent_json(barcode):
    rows = search(barcode)
    return {"results": [dict(r) for r in rows]}


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8085)
