"""Observation request queue API for the robotic 1.2m telescope.

Exposes the pending queue to the night-time scheduler and to the web portal.
"""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("telescope.queue")

DB_PATH = "/var/lib/telescope/queue.db"
SORT_COLUMNS = {"priority", "submitted_at", "ra"}


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


def build_filter(params: dict):
    """Translate query-string filters into a WHERE clause and its arguments."""
    clauses = []
    args = []
    if params.get("instrument"):
        clauses.append("instrument = ?")
        args.append(params["instrument"])
    if params.get("proposal"):
        clauses.append("proposal_id = ?")
        args.append(params["proposal"])
    if params.get("min_priority"):
        clauses.append("priority >= ?")
        args.append(int(params["min_priority"]))
    return (" AND ".join(clauses) if clauses else "1=1"), args


@app.route("/api/queue")
def list_queue():
    params = {
        "instrument": request.args.get("instrument", ""),
        "proposal": request.args.get("proposal", ""),
        "min_priority": request.args.get("min_priority", ""),
    }
    sort = request.args.get("sort", "priority")
    if sort not in SORT_COLUMNS:
        sort = "priority"
    where, args = build_filter(params)
    sql = (f"SELECT id, target, ra, dec, priority, instrument FROM requests "
           f"WHERE status = 'pending' AND {where} ORDER BY {sort} DESC")
    rows = get_db().execute(sql, args).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/queue/<int:req_id>")
def get_request(req_id: int):
    row = get_db().execute(
        "SELECT id, target, ra, dec, priority, instrument, status FROM requests WHERE id = ?",
        (req_id,),
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


@app.route("/api/queue/<int:req_id>/cancel", methods=["POST"])
def cancel_request(req_id: int):
    reason = request.form.get("reason", "")
    operator = request.headers.get("X-Operator", "unknown")
    db = get_db()
    cur = db.execute("UPDATE requests SET status = 'cancelled' WHERE id = ?", (req_id,))
    db.commit()
    if cur.rowcount == 0:
        return jsonify({"error": "not found"}), 404
    log.warning("request %d cancelled by %r: %r", req_id, operator, reason)
    return jsonify({"id": req_id, "status": "cancelled"})
