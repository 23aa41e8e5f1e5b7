"""Bottle app rendering a plain-HTML departure board for stop displays.

Used by the low-power e-ink displays at rural stops, which cannot run
the full JavaScript board.
"""
import os
import sqlite3
from datetime import datetime

from bottle import Bottle, request, response

app = Bottle()
DB_PATH = os.environ.get("DEPARTURES_DB", "/srv/transit/departures.db")

HEAD = """<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="30"><title>Departures</title>
<style>body{font-family:sans-serif}td{padding:2px 8px}</style></head><body>"""


def query_departures(stop_code: str, sort: str, limit: int = 12):
    sql = (
        "SELECT route_short_name, headsign, departure_time, platform "
        "FROM departures WHERE stop_code = '%s' AND departure_time >= '%s' "
        "ORDER BY %s LIMIT %d" % (stop_code, datetime.now().strftime("%H:%M"), sort, limit)
    )
    conn = sqlite3.connect(DB_PATH)
    try:
        return conn.execute(sql).fetchall()  # VULN flow
    finally:
        conn.close()


def render_board(stop_code: str, rows) -> str:
    parts = [HEAD, "<h1>Departures from stop %s</h1>" % stop_code, "<table>"]
    parts.append("<tr><th>Line</th><th>To</th><th>Time</th><th>Platform</th></tr>")
    for route, headsign, dep, platform in rows:
        parts.append("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                     % (route, headsign, dep, platform or "-"))
    if not rows:
        parts.append("<tr><td colspan=4>No more departures today</td></tr>")
    parts.append("</table><small>%s</small></body></html>" % datetime.now().strftime("%H:%M"))
    return "".join(parts)


@app.get("/board")
def board():
    stop_code = request.query.get("stop", "").strip()
    sort = request.query.get("sort", "departure_time")
    if not stop_code:
        response.status = 400
        return "missing stop"
    rows = query_departures(stop_code, sort)
    response.content_type = "text/html; charset=utf-8"
    html = render_board(stop_code, rows)
    return html  # VULN flow


@app.get("/health")
def health():
    return {"ok": os.path.exists(DB_PATH)}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
