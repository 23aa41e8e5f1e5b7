"""Parcel tracking endpoints for the customer-facing logistics portal."""
import logging
import sqlite3
from contextlib import closing

from flask import Blueprint, current_app, g, jsonify, request

logger = logging.getLogger(__name__)

tracking_bp = Blueprint("tracking", __name__, url_prefix="/api/parcels")

STATUS_COLUMNS = ("tracking_code", "carrier", "status", "last_scan_at", "destination_zip")
KNOWN_CARRIERS = {"dhl", "ups", "fedex", "postnl", "royalmail"}


def get_db():
    if "tracking_db" not in g:
        g.tracking_db = sqlite3.connect(current_app.config["TRACKING_DB"])
        g.tracking_db.row_factory = sqlite3.Row
    return g.tracking_db


@tracking_bp.teardown_app_request
def close_db(_exc):
    db = g.pop("tracking_db", None)
    if db is not None:
        db.close()


def _build_lookup(carrier, code):
    columns = ", ".join(STATUS_COLUMNS)
    sql = (
        f"SELECT {columns} FROM parcels "
        "WHERE carrier = ? AND tracking_code = ?"
    )
    return sql, (carrier, code)


def _row_to_dict(row):
    return {col: row[col] for col in STATUS_COLUMNS}


@tracking_bp.route("/<carrier>/<code>", methods=["GET"])
def parcel_status(carrier, code):
    carrier = carrier.lower()
    if carrier not in KNOWN_CARRIERS:
        return jsonify({"error": "unknown carrier"}), 400
    logger.info("Tracking lookup carrier=%r code=%r", carrier, code)
    sql, params = _build_lookup(carrier, code)
    with closing(get_db().cursor()) as cur:
        cur.execute(sql, params)
        row = cur.fetchone()
    if row is None:
        return jsonify({"error": "parcel not found"}), 404
    return jsonify(_row_to_dict(row))


@tracking_bp.route("/recent", methods=["GET"])
def recent_scans():
    try:
        limit = max(1, min(int(request.args.get("limit", "20")), 100))
    except ValueError:
        return jsonify({"error": "limit must be an integer"}), 400
    columns = ", ".join(STATUS_COLUMNS)
    with closing(get_db().cursor()) as cur:
        cur.execute(
            f"SELECT {columns} FROM parcels ORDER BY last_scan_at DESC LIMIT ?",
            (limit,),
        )
        rows = cur.fetchall()
    return jsonify([_row_to_dict(r) for r in rows])
