"""Registration status lookup for the county elections self-service portal."""
import logging
import sqlite3
from datetime import date
from typing import Optional

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config.from_mapping(DATABASE="/var/lib/civic/voters.db")
log = logging.getLogger("voter_lookup")

STATUS_LABELS = {
    "A": "active",
    "I": "inactive",
    "P": "pending verification",
    "C": "cancelled",
}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_lookup_query(last_name: str, dob: str, county: Optional[str] = None) -> tuple:
    clauses = [
        "upper(last_name) = ?",
        "birth_date = ?",
    ]
    params = [last_name.strip().upper(), dob]
    if county:
        clauses.append("county_code = ?")
        params.append(county)
    sql = (
        "SELECT voter_id, first_name, last_name, status, precinct "
        "FROM registrations WHERE " + " AND ".join(clauses)
    )
    return sql, params


def serialize(row: sqlite3.Row) -> dict:
    return {
        "voter_id": row["voter_id"],
        "name": f"{row['first_name']} {row['last_name']}".title(),
        "status": STATUS_LABELS.get(row["status"], "unknown"),
        "precinct": row["precinct"],
    }


@app.route("/api/registration/status")
def registration_status():
    last_name = request.args.get("last_name", "")
    dob = request.args.get("dob", "")
    county = request.args.get("county")
    if not last_name or not dob:
        return jsonify(error="last_name and dob are required"), 400
    try:
        date.fromisoformat(dob)
    except ValueError:
        return jsonify(error="dob must be YYYY-MM-DD"), 400

    sql, params = build_lookup_query(last_name, dob, county)
    try:
        rows = get_db().execute(sql, params).fetchall()
    except sqlite3.Error:
        log.exception("registration lookup failed")
        return jsonify(error="lookup unavailable"), 503

    if not rows:
        return jsonify(found=False), 404
    return jsonify(found=True, records=[serialize(r) for r in rows])


if __name__ == "__main__":
    app.run(port=5001)
