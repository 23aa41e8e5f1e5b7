"""Container status lookup service for the terminal operations portal."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/terminal/containers.db"
log = logging.getLogger("container_status")

STATUS_COLUMNS = ("container_no", "iso_type", "status", "yard_block", "last_move")
MAX_LIMIT = 500


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


def build_filter(params):
    """Translate query-string filters into a WHERE clause plus bind values."""
    clauses = []
    args = []
    if params.get("container"):
        clauses.append("container_no = ?")
        args.append(params["container"].strip().upper())
    if params.get("block"):
        clauses.append("yard_block = ?")
        args.append(params["block"])
    if params.get("status"):
        clauses.append("status = ?")
        args.append(params["status"].upper())
    if not clauses:
        return "", args
    return " WHERE " + " AND ".join(clauses), args


def parse_limit(raw):
    try:
        return max(1, min(int(raw), MAX_LIMIT))
    except (TypeError, ValueError):
        return 50


@app.route("/api/containers")
def list_containers():
    where, args = build_filter(request.args)
    limit = parse_limit(request.args.get("limit", 50))
    sql = "SELECT %s FROM container_moves%s ORDER BY last_move DESC LIMIT %d" % (
        ", ".join(STATUS_COLUMNS),
        where,
        limit,
    )
    log.debug("running status query with limit=%d", limit)
    rows = get_db().execute(sql, args).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/containers/<container_no>/history")
def history(container_no):
    db = get_db()
    rows = db.execute(
        "SELECT event, location, ts FROM container_events WHERE container_no = ? ORDER BY ts",
        (container_no.upper(),),
    ).fetchall()
    if not rows:
        return jsonify({"error": "not found"}), 404
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(port=5001)
