"""Trip fare history endpoints for the rider support console."""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["FARE_DB"] = "/var/lib/rideshare/fares.db"
log = logging.getLogger("fares")

SORTABLE = {"pickup_at", "total_cents", "distance_km"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["FARE_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_trip_filter(rider_id, city=None, since=None):
    clauses = ["rider_id = ?"]
    params = [rider_id]
    if city:
        clauses.append("city = ?")
        params.append(city)
    if since:
        clauses.append("pickup_at >= ?")
        params.append(since)
    return " AND ".join(clauses), params


def fetch_trips(where, params, order_by="pickup_at", limit=50):
    if order_by not in SORTABLE:
        order_by = "pickup_at"
    sql = (
        "SELECT trip_id, pickup_at, dropoff_at, distance_km, total_cents, city "
        "FROM trips WHERE " + where + " ORDER BY " + order_by + " DESC LIMIT ?"
    )
    cur = get_db().execute(sql, (*params, int(limit)))
    return [dict(r) for r in cur.fetchall()]


@app.route("/api/riders/<rider_id>/trips")
def rider_trips(rider_id):
    city = request.args.get("city")
    since = request.args.get("since")
    if since:
        try:
            datetime.fromisoformat(since)
        except ValueError:
            since = None
    where, params = build_trip_filter(rider_id, city=city, since=since)
    trips = fetch_trips(where, params, request.args.get("sort", "pickup_at"))
    return jsonify({"rider": rider_id, "count": len(trips), "trips": trips})


@app.route("/api/trips/<int:trip_id>/fare")
def trip_fare(trip_id):
    row = get_db().execute(
        "SELECT base_cents, surge_multiplier, tolls_cents, total_cents "
        "FROM fares WHERE trip_id = ?",
        (trip_id,),
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


@app.route("/api/fares/adjust", methods=["POST"])
def adjust_fare():
    body = request.get_json(force=True) or {}
    trip_id = int(body.get("trip_id", 0))
    delta = int(body.get("delta_cents", 0))
    db = get_db()
    db.execute(
        "UPDATE fares SET total_cents = total_cents + ? WHERE trip_id = ?",
        (delta, trip_id),
    )
    db.commit()
    log.info("fare adjusted trip=%d delta=%d", trip_id, delta)
    return jsonify({"ok": True})
