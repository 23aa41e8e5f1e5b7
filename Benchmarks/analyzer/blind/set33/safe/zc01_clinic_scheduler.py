"""Appointment scheduling blueprint for the outpatient clinic portal."""
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("scheduler", __name__, url_prefix="/api/schedule")
logger = logging.getLogger("clinic.scheduler")

ALLOWED_STATUSES = {"open", "booked", "cancelled"}


@dataclass
class SlotQuery:
    clinician: str
    day: str
    status: str = "open"

    @classmethod
    def from_args(cls, args):
        status = args.get("status", "open")
        if status not in ALLOWED_STATUSES:
            status = "open"
        return cls(
            clinician=args.get("clinician", ""),
            day=args.get("day", datetime.utcnow().strftime("%Y-%m-%d")),
            status=status,
        )


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["SCHEDULE_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@bp.teardown_app_request
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_slot_query(query: SlotQuery):
    sql = (
        "SELECT id, clinician, starts_at, status FROM slots "
        "WHERE clinician = ? AND date(starts_at) = ? "
        "AND status = ? ORDER BY starts_at"
    )
    return sql, (query.clinician, query.day, query.status)


@bp.get("/slots")
def list_slots():
    query = SlotQuery.from_args(request.args)
    sql, params = build_slot_query(query)
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(row) for row in rows])


@bp.post("/book")
def book_slot():
    payload = request.get_json(force=True) or {}
    try:
        slot_id = int(payload["slot_id"])
    except (KeyError, TypeError, ValueError):
        return jsonify({"error": "slot_id is required"}), 400
    patient = str(payload.get("patient_name", "")).strip()
    if not patient:
        return jsonify({"error": "patient_name is required"}), 400
    db = get_db()
    cur = db.execute(
        "UPDATE slots SET status = 'booked', patient = ? WHERE id = ? AND status = 'open'",
        (patient, slot_id),
    )
    db.commit()
    if cur.rowcount == 0:
        return jsonify({"error": "slot unavailable"}), 409
    logger.info("Slot %d booked for patient %r", slot_id, patient)
    return jsonify({"slot_id": slot_id, "status": "booked"}), 201
