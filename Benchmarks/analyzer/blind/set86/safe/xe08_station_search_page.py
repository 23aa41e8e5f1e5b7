"""Public charging-station finder page (no-JS fallback for the driver app).

Station names and descriptions come from the community map, where drivers
can suggest new locations and edit amenity notes.
"""
import sqlite3

from flask import Flask, Response, g, request
from markupsafe import escape

app = Flask(__name__)
DB_PATH = "/var/lib/finder/stations.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/finder.css"></head>
<body>
<form action="/stations/search"><input name="q" value="{q}"><input name="city" value="{city}">
<button>Search</button></form>
<h2>{title}</h2>
<table class="stations">{rows}</table>
</body></html>"""

ROW = "<tr><td>{name}</td><td>{address}</td><td>{power} kW</td><td>{notes}</td></tr>"


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def find_stations(q: str, city: str, limit: int = 50):
    sql = "SELECT name, address, max_kw, notes FROM stations WHERE name LIKE ?"
    params = ["%" + q + "%"]
    if city:
        sql += " AND city = ?"
        params.append(city)
    sql += " ORDER BY max_kw DESC LIMIT ?"
    params.append(limit)
    return db().execute(sql, params).fetchall()


def render_row(station) -> str:
    return ROW.format(
        name=escape(station["name"]),
        address=escape(station["address"]),
        power=int(station["max_kw"] or 0),
        notes=escape(station["notes"] or ""),
    )


@app.get("/stations/search")
def search():
    q = request.args.get("q", "").strip()
    city = request.args.get("city", "").strip()
    stations = find_stations(q, city) if q else []
    rows = "".join(render_row(s) for s in stations)
    if not rows:
        rows = "<tr><td colspan=4>No stations found for %s</td></tr>" % escape(q)
    html = PAGE.format(title=escape(f"Stations matching '{q}'"), q=escape(q), city=escape(city), rows=rows)
    return Response(html, mimetype="text/html")


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()
