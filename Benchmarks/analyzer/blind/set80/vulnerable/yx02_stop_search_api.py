"""Stop search API used by the journey planner front-end."""
import logging
import os
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)
DB_PATH = os.environ.get("STOPS_DB", "/srv/transit/stops.db")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class StopFilter:
    """Collects the optional filters coming from the search box."""

    def __init__(self, text, zone=None, accessible=False):
        self.text = (text or "").strip()
        self.zone = zone
        self.accessible = accessible

    def to_sql(self):
        clauses = ["name LIKE '%" + self.text + "%'"]
        if self.zone:
            clauses.append("fare_zone = '%s'" % self.zone)
        if self.accessible:
            clauses.append("wheelchair_boarding = 1")
        return " AND ".join(clauses)


@app.route("/api/stops/search")
def search_stops():
    flt = StopFilter(request.args.get("q"), request.args.get("zone"),
                     request.args.get("accessible") == "1")
    if len(flt.text) < 2:
        return jsonify({"error": "query too short"}), 400
    sql = ("SELECT stop_id, name, lat, lon, fare_zone FROM stops WHERE "
           + flt.to_sql() + " ORDER BY name LIMIT 50")
    rows = get_db().execute(sql).fetchall()  # VULN flow
    log.debug("stop search returned %d rows", len(rows))
    return jsonify([dict(r) for r in rows])


@app.route("/api/stops/nearby")
def nearby_stops():
    try:
        lat = float(request.args["lat"])
        lon = float(request.args["lon"])
    except (KeyError, ValueError):
        return jsonify({"error": "lat and lon required"}), 400
    delta = 0.005
    rows = get_db().execute(
        "SELECT stop_id, name, lat, lon FROM stops "
        "WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? LIMIT 25",
        (lat - delta, lat + delta, lon - delta, lon + delta),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/stops/<stop_id>")
def get_stop(stop_id):
    row = get_db().execute(
        "SELECT stop_id, name, lat, lon, fare_zone FROM stops WHERE stop_id = ?",
        (stop_id,),
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))
