"""Patient lookup endpoints for the clinic staff portal."""
import logging
import os
import sqlite3
from contextlib import closing

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = os.environ.get("CLINIC_DB", "clinic.db")
log = logging.getLogger("clinic.portal")

PATIENT_COLUMNS = "id, first_name, last_name, ward, admitted_at"


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


def build_patient_filter(last_name, ward):
    clauses = ["active = 1"]
    params = []
    if last_name:
        clauses.append("last_name LIKE ?")
        params.append(last_name.replace("%", "").replace("_", "") + "%")
    if ward:
        clauses.append("ward = ?")
        params.append(ward)
    return " AND ".join(clauses), params


def row_to_dict(row):
    return {
        "id": row["id"],
        "name": f"{row['first_name']} {row['last_name']}",
        "ward": row["ward"],
        "admitted": row["admitted_at"],
    }


@app.route("/api/patients")
def search_patients():
    last_name = request.args.get("last_name", "").strip()
    ward = request.args.get("ward", "").strip()
    where, params = build_patient_filter(last_name, ward)
    sql = f"SELECT {PATIENT_COLUMNS} FROM patients WHERE " + where
    with closing(get_db().cursor()) as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    log.info("patient search returned %d rows", len(rows))
    return jsonify([row_to_dict(r) for r in rows])


@app.route("/api/patients/<int:patient_id>")
def get_patient(patient_id):
    with closing(get_db().cursor()) as cur:
        cur.execute(
            f"SELECT {PATIENT_COLUMNS} FROM patients WHERE id = ?",
            (patient_id,),
        )
        row = cur.fetchone()
    if row is None:
        abort(404)
    return jsonify(row_to_dict(row))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")
