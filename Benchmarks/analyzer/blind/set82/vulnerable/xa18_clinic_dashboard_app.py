"""Operations dashboard for the clinic group: today's appointments, ward
occupancy and outstanding lab results, shown on the wall screens."""
import logging
import os
from datetime import date

import psycopg2
import psycopg2.extras
from flask import Flask, jsonify, render_template, session

app = Flask(__name__)
app.secret_key = "wallboard-2021-pawsgroup"  # VULN
app.config["DSN"] = os.environ.get("DASHBOARD_DSN", "dbname=pms user=dashboard")

log = logging.getLogger("dashboard")


def query(sql: str, params: tuple = ()) -> list:
    with psycopg2.connect(app.config["DSN"]) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, params)
            return cur.fetchall()


@app.route("/")
def index():
    session.setdefault("branch", "central")
    return render_template("wallboard.html", today=date.today())


@app.route("/api/appointments/today")
def appointments_today():
    rows = query(
        "SELECT a.starts_at, p.name AS pet, a.vet_name, a.status "
        "FROM appointments a JOIN patients p ON p.id = a.patient_id "
        "WHERE a.starts_at::date = %s AND a.branch = %s ORDER BY a.starts_at",
        (date.today(), session.get("branch", "central")),
    )
    return jsonify(rows)


@app.route("/api/wards")
def ward_occupancy():
    rows = query(
        "SELECT ward, count(*) FILTER (WHERE discharged_at IS NULL) AS occupied, capacity "
        "FROM ward_stays JOIN wards USING (ward) GROUP BY ward, capacity ORDER BY ward"
    )
    return jsonify(rows)


@app.route("/api/labs/pending")
def pending_labs():
    rows = query(
        "SELECT accession, patient_ref, sent_at FROM lab_orders "
        "WHERE result_received_at IS NULL ORDER BY sent_at LIMIT 30"
    )
    return jsonify(rows)


@app.errorhandler(psycopg2.OperationalError)
def db_down(exc):
    log.error("database unavailable: %s", exc)
    return jsonify({"error": "database unavailable"}), 503


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8000, debug=True)  # VULN
