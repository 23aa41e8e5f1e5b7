"""Appointment lookup API used by the front-desk scheduling screen."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DB_PATH = "/var/lib/clinic/appointments.db"
log = logging.getLogger(__name__)


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


class AppointmentFilter:
    """Collects the optional filters the scheduling grid can send."""

    def __init__(self, args):
        self.provider = args.get("provider", "").strip()
        self.day = args.get("date", "").strip()
        self.status = args.get("status", "booked")
        self.chair = args.get("chair")

    def where_clause(self) -> str:
        parts = [f"status = '{self.status}'"]
        if self.provider:
            parts.append(f"provider_id = '{self.provider}'")
        if self.day:
            parts.append(f"date(start_at) = '{self.day}'")
        if self.chair:
            parts.append("chair = %d" % int(self.chair))
        return " AND ".join(parts)


@app.route("/api/appointments")
def list_appointments():
    flt = AppointmentFilter(request.args)
    sql = (
        "SELECT id, patient_id, provider_id, start_at, chair "
        "FROM appointments WHERE " + flt.where_clause() + " ORDER BY start_at"
    )
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/api/appointments/<int:appt_id>/cancel", methods=["POST"])
def cancel_appointment(appt_id: int):
    reason = request.form.get("reason", "")
    db = get_db()
    cur = db.execute(
        "UPDATE appointments SET status = 'cancelled', cancel_reason = ? WHERE id = ?",
        (reason, appt_id),
    )
    db.commit()
    if cur.rowcount == 0:
        return jsonify({"error": "not found"}), 404
    log.info("appointment %d cancelled", appt_id)
    return jsonify({"ok": True})


if __name__ == "__main__":
    app.run(port=8042)
