"""Lightweight HTML status page for bike-share dock availability.

Served on the kiosk screens and linked from the city's mobility page.
"""
import os
import sqlite3
from datetime import datetime

from flask import Flask, make_response, request
from markupsafe import escape

app = Flask(__name__)
DB_PATH = os.environ.get("DOCKS_DB", "/srv/bikeshare/docks.db")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Dock availability</title>
<link rel="stylesheet" href="/static/docks.css"></head>
<body>
{heading}
<table class="docks">
<tr><th>Station</th><th>Bikes</th><th>E-bikes</th><th>Free docks</th></tr>
{rows}
</table>
<p class="updated">Updated {updated}</p>
</body></html>"""


def fetch_stations(area: str):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        if area:
            cur = conn.execute(
                "SELECT name, bikes, ebikes, free_docks FROM stations "
                "WHERE area = ? ORDER BY name", (area,))
        else:
            cur = conn.execute(
                "SELECT name, bikes, ebikes, free_docks FROM stations ORDER BY name")
        return [dict(r) for r in cur.fetchall()]
    finally:
        conn.close()


def render_row(station: dict) -> str:
    return "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>" % (
        escape(station["name"]), station["bikes"], station["ebikes"], station["free_docks"])


def build_heading(area: str, count: int) -> str:
    if not area:
        return "<h1>All stations</h1>"
    return "<h1>Stations in %s</h1><p>%d stations found</p>" % (escape(area), count)


@app.route("/docks")
def dock_status():
    area = request.args.get("area", "").strip()
    stations = fetch_stations(area)
    body = PAGE.format(
        heading=build_heading(area, len(stations)),
        rows="\n".join(render_row(s) for s in stations),
        updated=datetime.now().strftime("%H:%M"),
    )
    resp = make_response(body)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    resp.headers["Cache-Control"] = "max-age=30"
    return resp
