"""Bay booking API for the wash tunnel and detailing bays."""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/washbay/bookings.db"
log = logging.getLogger("bay_booking")

BAY_TYPES = ("tunnel", "self_serve", "detail", "touchless")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filter(params):
    """Translate query-string filters into a WHERE clause."""
    clauses = []
    if params.get("bay_type"):
        clauses.append("bay_type = '%s'" % params["bay_type"])
    if params.get("day"):
        clauses.append("date(start_at) = '%s'" % params["day"])
    if params.get("plate"):
        clauses.append("plate LIKE '%%%s%%'" % params["plate"].upper())
    return " AND ".join(clauses) if clauses else "1=1"


@app.route("/bookings")
def list_bookings():
    where = build_filter(request.args)
    sql = (
        "SELECT id, bay_type, plate, start_at, status FROM bookings WHERE "
        + where
        + " ORDER BY start_at"
    )
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/bookings", methods=["POST"])
def create_booking():
    payload = request.get_json(force=True)
    bay_type = payload.get("bay_type")
    if bay_type not in BAY_TYPES:
        return jsonify(error="unknown bay type"), 400
    try:
        start_at = datetime.fromisoformat(payload["start_at"])
    except (KeyError, ValueError):
        return jsonify(error="start_at must be ISO-8601"), 400

    db = get_db()
    cur = db.execute(
        "INSERT INTO bookings (bay_type, plate, start_at, status) VALUES (?, ?, ?, 'pending')",
        (bay_type, payload.get("plate", "").upper(), start_at.isoformat()),
    )
    db.commit()
    log.info("booking %s created for bay %s", cur.lastrowid, bay_type)
    return jsonify(id=cur.lastrowid), 201


@app.route("/bookings/<int:booking_id>/cancel", methods=["POST"])
def cancel_booking(booking_id: int):
    db = get_db()
    db.execute("UPDATE bookings SET status = 'cancelled' WHERE id = ?", (booking_id,))
    db.commit()
    return jsonify(id=booking_id, status="cancelled")
