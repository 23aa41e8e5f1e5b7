"""Packhouse lot search page (Bottle).

Quick lookup page on the QA office terminal: type part of a lot code or a
product name and see where it was packed and which grower supplied it.
"""
import os
import sqlite3

from bottle import Bottle, html_escape, request, run

app = Bottle()
DB_PATH = os.environ.get("PACKHOUSE_DB", "/var/lib/packhouse/lots.db")

PAGE_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Lot search</title></head>
<body>
<form action="/lots"><input name="q" autofocus> <button>Search</button></form>
{content}
</body></html>"""


def find_lots(term: str):
    conn = sqlite3.connect(DB_PATH)
    try:
        sql = (
            "SELECT lot_code, product, grower, packed_on, line FROM lots "
            "WHERE lot_code LIKE '%" + term + "%' OR product LIKE '%" + term + "%' "
            "ORDER BY packed_on DESC LIMIT 100"
        )
        return conn.execute(sql).fetchall()  # VULN flow
    finally:
        conn.close()


def results_table(rows) -> str:
    if not rows:
        return "<p>No lots found.</p>"
    head = "<tr><th>Lot</th><th>Product</th><th>Grower</th><th>Packed</th><th>Line</th></tr>"
    body = "".join(
        "<tr>" + "".join(f"<td>{html_escape(str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<table>{head}{body}</table>"


@app.get("/lots")
def lots_page():
    term = request.query.getunicode("q", default="").strip()
    if not term:
        return PAGE_TEMPLATE.format(content="")
    rows = find_lots(term)
    heading = "<h2>%d lots matching &quot;%s&quot;</h2>" % (len(rows), term)
    return PAGE_TEMPLATE.format(content=heading + results_table(rows))  # VULN flow


@app.get("/healthz")
def healthz():
    return {"ok": os.path.exists(DB_PATH)}


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8081)
