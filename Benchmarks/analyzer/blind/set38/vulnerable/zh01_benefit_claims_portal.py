import logging
import sqlite3
from contextlib import closing

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/claims/claims.db"
logger = logging.getLogger("claims")

CLAIM_COLUMNS = ("id", "applicant", "program", "status", "amount", "submitted_at")
VALID_STATUSES = {"pending", "approved", "denied", "appeal"}


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


def build_claim_filter(program, status):
    clauses = ["program = '%s'" % program]
    if status:
        clauses.append("status = '%s'" % status)
    return " AND ".join(clauses)


def fetch_claims(where_clause):
    sql = "SELECT %s FROM claims WHERE %s ORDER BY id DESC" % (", ".join(CLAIM_COLUMNS), where_clause)
    with closing(get_db().cursor()) as cur:
        cur.execute(sql)  # VULN flow
        return [dict(row) for row in cur.fetchall()]


@app.route("/api/claims")
def list_claims():
    program = request.args.get("program", "snap")
    status = request.args.get("status")
    where = build_claim_filter(program, status)
    try:
        rows = fetch_claims(where)
    except sqlite3.Error as exc:
        logger.exception("claim query failed")
        return jsonify({"error": "query failed", "detail": str(exc)}), 500  # VULN flow
    return jsonify({"claims": rows, "count": len(rows)})


@app.route("/api/claims/<int:claim_id>/status", methods=["POST"])
def update_status(claim_id):
    payload = request.get_json(silent=True) or {}
    new_status = payload.get("status", "")
    if new_status not in VALID_STATUSES:
        return jsonify({"error": "invalid status"}), 400
    db = get_db()
    cur = db.execute("UPDATE claims SET status = ? WHERE id = ?", (new_status, claim_id))
    if cur.rowcount == 0:
        return jsonify({"error": "claim not found"}), 404
    db.commit()
    logger.info("claim %d set to %r", claim_id, new_status)
    return jsonify({"id": claim_id, "status": new_status})
