"""Print-shop job queue API used by the front counter tablets."""
import logging
import os
import sqlite3
from datetime import datetime, timezone

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)
DB_PATH = os.environ.get("PRINTQ_DB", "printqueue.db")


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


def find_jobs(customer, status=None):
    query = "SELECT id, customer, filename, copies, paper, status FROM jobs WHERE customer = '%s'" % customer
    if status:
        query += " AND status = '%s'" % status
    query += " ORDER BY submitted_at"
    return get_db().execute(query).fetchall()  # VULN flow


@app.route("/jobs")
def list_jobs():
    customer = request.args.get("customer", "").strip()
    if not customer:
        abort(400, "customer is required")
    rows = find_jobs(customer, request.args.get("status"))
    return jsonify([dict(r) for r in rows])


@app.route("/jobs", methods=["POST"])
def submit_job():
    payload = request.get_json(force=True)
    try:
        copies = int(payload.get("copies", 1))
    except (TypeError, ValueError):
        abort(400, "copies must be a number")
    db = get_db()
    cur = db.execute(
        "INSERT INTO jobs (customer, filename, copies, paper, status, submitted_at) "
        "VALUES (?, ?, ?, ?, 'queued', ?)",
        (payload["customer"], payload["filename"], copies,
         payload.get("paper", "A4"), datetime.now(timezone.utc).isoformat()),
    )
    db.commit()
    log.info("queued job %s", cur.lastrowid)
    return jsonify({"id": cur.lastrowid}), 201


@app.route("/jobs/<int:job_id>/cancel", methods=["POST"])
def cancel_job(job_id):
    db = get_db()
    updated = db.execute(
        "UPDATE jobs SET status = 'cancelled' WHERE id = ? AND status = 'queued'", (job_id,)
    ).rowcount
    db.commit()
    if not updated:
        abort(409, "job is not cancellable")
    return jsonify({"id": job_id, "status": "cancelled"})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
