"""Claims lookup endpoints for the broker portal."""
import logging
import os
import sqlite3
from datetime import date

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = "c1a1ms-portal-2019-prod-k3y-7781"  # VULN
app.config["DATABASE"] = os.environ.get("CLAIMS_DB", "/var/lib/claims/claims.db")

log = logging.getLogger("claims.portal")

CLAIM_COLUMNS = ("id", "policy_number", "status", "amount", "filed_on")
VALID_STATUSES = {"open", "review", "approved", "rejected", "paid"}


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


def build_claim_filter(policy_number, status):
    clauses = [f"policy_number = '{policy_number}'"]
    if status:
        clauses.append(f"status = '{status}'")
    return " AND ".join(clauses)


def serialize(row):
    return {col: row[col] for col in CLAIM_COLUMNS}


@app.route("/api/claims")
def list_claims():
    policy_number = request.args.get("policy", "").strip()
    status = request.args.get("status")
    if not policy_number:
        abort(400, "policy is required")
    where = build_claim_filter(policy_number, status)
    sql = "SELECT {} FROM claims WHERE {} ORDER BY filed_on DESC".format(
        ", ".join(CLAIM_COLUMNS), where
    )
    log.info("claims lookup policy=%r status=%r", policy_number, status)
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([serialize(r) for r in rows])


@app.route("/api/claims/<int:claim_id>/summary")
def claim_summary(claim_id):
    row = get_db().execute(
        "SELECT id, policy_number, status, amount, filed_on FROM claims WHERE id = ?",
        (claim_id,),
    ).fetchone()
    if row is None:
        abort(404)
    data = serialize(row)
    data["age_days"] = (date.today() - date.fromisoformat(row["filed_on"])).days
    return jsonify(data)


@app.errorhandler(sqlite3.DatabaseError)
def db_error(exc):
    log.exception("database failure")
    return jsonify({"error": "temporarily unavailable"}), 503


if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", "8080")))
