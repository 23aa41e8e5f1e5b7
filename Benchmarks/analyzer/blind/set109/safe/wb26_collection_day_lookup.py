"""Public "When is my bin day?" lookup (Bottle).

Residents enter a postcode; we show their collection rounds for refuse,
recycling and garden waste.
"""
import os
import sqlite3

from bottle import Bottle, html_escape, request, response, run

app = Bottle()
DB_PATH = os.environ.get("ROUNDS_DB", "/srv/rounds/rounds.db")

STREAM_LABELS = {"refuse": "General waste", "dmr": "Recycling", "garden": "Garden waste", "food": "Food waste"}

PAGE = """<!doctype html><html><head><title>Bin collection days</title>
<link rel="stylesheet" href="/static/site.css"></head><body>
<form method="get" action="/schedule"><input name="postcode" placeholder="e.g. AB1 2CD">
<button>Find</button></form>{body}</body></html>"""


def outward_code(postcode: str) -> str:
    parts = postcode.strip().upper().split()
    return parts[0] if parts else ""


def lookup_schedule(postcode: str):
    sector = outward_code(postcode)
    sql = ("SELECT stream, weekday, next_date FROM collection_rounds "
           "WHERE postcode_sector = ? ORDER BY next_date")
    conn = sqlite3.connect(DB_PATH)
    try:
        return conn.execute(sql, (sector,)).fetchall()
    finally:
        conn.close()


def render_rows(rows) -> str:
    items = []
    for stream, weekday, next_date in rows:
        label = html_escape(STREAM_LABELS.get(stream, str(stream)))
        items.append(f"<tr><td>{label}</td><td>{html_escape(str(weekday))}</td><td>{html_escape(str(next_date))}</td></tr>")
    return "<table><tr><th>Bin</th><th>Day</th><th>Next collection</th></tr>" + "".join(items) + "</table>"


@app.get("/schedule")
def schedule():
    postcode = request.query.getunicode("postcode", default="").strip()
    response.content_type = "text/html; charset=utf-8"
    if not postcode:
        return PAGE.format(body="")
    rows = lookup_schedule(postcode)
    shown = html_escape(postcode)
    if not rows:
        body = "<p>Sorry, we couldn't find collections for <b>" + shown + "</b>.</p>"
    else:
        body = "<h2>Collection days for " + shown + "</h2>" + render_rows(rows)
    return PAGE.format(body=body)


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8089)
