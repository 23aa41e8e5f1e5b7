"""Public branch and ATM locator for the credit union website."""
import html
import os
import sqlite3

from bottle import Bottle, request, response, run

app = Bottle()
DB_PATH = os.environ.get("BRANCH_DB", "/srv/locator/branches.db")

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Find a branch</title></head>
<body>
  <form action="/branches" method="get">
    <input name="city" placeholder="City or town">
    <label><input type="checkbox" name="atm" value="1"> ATM only</label>
    <button>Search</button>
  </form>
  <h1>Branches in {city}</h1>
  <ul>{rows}</ul>
</body>
</html>"""


def find_branches(city, atm_only=False):
    sql = "SELECT name, address, has_atm, opens, closes FROM branches WHERE lower(city) = lower(?)"
    if atm_only:
        sql += " AND has_atm = 1"
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql + " ORDER BY name", (city,)).fetchall()
    finally:
        conn.close()


def render_rows(branches):
    items = []
    for b in branches:
        atm = " &middot; ATM" if b["has_atm"] else ""
        items.append(
            f"<li><strong>{html.escape(b['name'])}</strong> &mdash; {html.escape(b['address'])}"
            f" ({html.escape(b['opens'])}&ndash;{html.escape(b['closes'])}){atm}</li>"
        )
    return "".join(items) or "<li>No branches found.</li>"


@app.get("/branches")
def branches_page():
    city = request.query.getunicode("city", "").strip()
    atm_only = request.query.get("atm") == "1"
    branches = find_branches(city, atm_only) if city else []
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(city=city, rows=render_rows(branches))  # VULN flow


@app.get("/api/branches")
def branches_json():
    city = request.query.getunicode("city", "").strip()
    return {"branches": [dict(row) for row in find_branches(city)] if city else []}


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8080)
