"""Embeddable severe-weather banner for county and school district websites.

Partners drop an <iframe src="https://alerts.example-weather.net/widget/banner?zone=...">
into their pages; the banner lists active warnings for the zone.
"""
import html
import sqlite3
from datetime import datetime, timezone

from flask import Flask, make_response, request

app = Flask(__name__)
DB_PATH = "/var/lib/wxalerts/alerts.db"

SEVERITY_CLASS = {
    "Extreme": "sev-extreme",
    "Severe": "sev-severe",
    "Moderate": "sev-moderate",
    "Minor": "sev-minor",
}


def active_alerts_for(zone: str):
    now = datetime.now(timezone.utc).isoformat()
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT event, headline, severity, expires FROM alerts "
            "WHERE zone = ? AND expires > ? ORDER BY onset",
            (zone, now),
        ).fetchall()
    finally:
        conn.close()


def render_items(alerts) -> str:
    items = []
    for a in alerts:
        css = SEVERITY_CLASS.get(a["severity"], "sev-unknown")
        items.append(
            f"<li class='{css}'><strong>{html.escape(a['event'])}</strong> "
            f"{html.escape(a['headline'])} <time>{html.escape(a['expires'])}</time></li>"
        )
    return "".join(items) or "<li class='none'>No active alerts</li>"


@app.route("/widget/banner")
def banner():
    zone = request.args.get("zone", "").upper()[:12]
    alerts = active_alerts_for(zone)
    body = render_items(alerts)
    resp = make_response(  # VULN
        "<!doctype html><html><head><link rel='stylesheet' href='/static/banner.css'></head>"
        f"<body><div class='wx-banner'><h3>{request.args.get('title', 'Active weather alerts')}</h3>"
        f"<ul>{body}</ul></div></body></html>"
    )
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    resp.headers["Cache-Control"] = "public, max-age=60"
    return resp


@app.route("/widget/health")
def health():
    return {"status": "ok"}
