"""Public page listing recent swarm sightings for a region.

Anyone can report a swarm; collectors browse the list to see what is still
hanging in a tree near them.
"""
import sqlite3
from datetime import datetime, timezone

from flask import Flask, Response, g, jsonify, request
from markupsafe import escape

app = Flask(__name__)
DB_PATH = "/var/lib/swarmwatch/sightings.db"

PAGE_TEMPLATE = """<!doctype html>
<html><head><title>Swarm sightings</title>
<link rel="stylesheet" href="/static/swarms.css"></head>
<body>
<h1>Swarm sightings: %(region)s</h1>
<table class="sightings">
<tr><th>Reported</th><th>Location</th><th>Notes</th><th>Contact</th></tr>
%(rows)s
</table>
</body></html>"""


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(DB_PATH)
        g.conn.row_factory = sqlite3.Row
    return g.conn


def fetch_sightings(region: str, limit: int = 50):
    sql = "SELECT reported_at, location, notes, contact FROM sightings"
    params = []
    if region != "all":
        sql += " WHERE region = ?"
        params.append(region)
    sql += " ORDER BY reported_at DESC LIMIT ?"
    params.append(limit)
    return [dict(r) for r in db().execute(sql, params)]


def render_row(sighting: dict) -> str:
    cells = {key: escape(value if value is not None else "") for key, value in sighting.items()}
    return "<tr><td>{reported_at}</td><td>{location}</td><td>{notes}</td><td>{contact}</td></tr>".format(
        **cells
    )


@app.get("/swarms")
def swarm_page():
    region = request.args.get("region", "all")
    rows = "\n".join(render_row(s) for s in fetch_sightings(region))
    html = PAGE_TEMPLATE % {"region": escape(region), "rows": rows}
    return Response(html, mimetype="text/html")


@app.post("/swarms")
def report_swarm():
    form = request.form
    if not form.get("location"):
        return jsonify(error="location is required"), 400
    db().execute(
        "INSERT INTO sightings (region, location, notes, contact, reported_at) VALUES (?, ?, ?, ?, ?)",
        (form.get("region", "unknown"), form["location"], form.get("notes", ""),
         form.get("contact", ""), datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")),
    )
    db().commit()
    return jsonify(status="thanks"), 201
