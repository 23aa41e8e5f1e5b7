"""Appointment booking endpoints for the clinic front desk."""
import sqlite3
from datetime import date

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DB_PATH = "clinic.db"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class AppointmentRepo:
    def __init__(self, conn):
        self.conn = conn

    def for_patient(self, last_name, day):
        query = (
            "SELECT a.id, a.slot, d.name AS doctor "
            "FROM appointments a JOIN doctors d ON d.id = a.doctor_id "
            "JOIN patients p ON p.id = a.patient_id "
        )
        query += "WHERE p.last_name = ? AND a.day = ? "
        query += "ORDER BY a.slot"
        return self.conn.execute(query, (last_name, day)).fetchall()

    def book(self, patient_id, doctor_id, day, slot):
        cur = self.conn.execute(
            "INSERT INTO appointments (patient_id, doctor_id, day, slot) "
            "VALUES (?, ?, ?, ?)",
            (patient_id, doctor_id, day, slot),
        )
        self.conn.commit()
        return cur.lastrowid


def _search_params():
    last_name = request.args.get("last_name", "").strip()
    day = request.args.get("day") or date.today().isoformat()
    return last_name, day


@app.get("/appointments")
def list_appointments():
    last_name, day = _search_params()
    if not last_name:
        return jsonify(error="last_name is required"), 400
    rows = AppointmentRepo(get_db()).for_patient(last_name, day)
    return jsonify([dict(r) for r in rows])


@app.post("/appointments")
def create_appointment():
    payload = request.get_json(force=True)
    try:
        patient_id = int(payload["patient_id"])
        doctor_id = int(payload["doctor_id"])
        slot = str(payload["slot"])
        day = date.fromisoformat(payload["day"]).isoformat()
    except (KeyError, ValueError, TypeError):
        return jsonify(error="invalid booking"), 400
    new_id = AppointmentRepo(get_db()).book(patient_id, doctor_id, day, slot)
    return jsonify(id=new_id), 201
