"""Incident search endpoint for the computer-aided dispatch (CAD) console."""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("cad.search")

DB_PATH = "/var/lib/cad/incidents.db"
SORTABLE = {"received_at", "priority", "incident_type"}


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


def build_filters(args):
    """Translate query-string filters into WHERE fragments."""
    clauses = []
    if args.get("district"):
        clauses.append("district = '%s'" % args["district"])
    if args.get("type"):
        clauses.append("incident_type LIKE '%%%s%%'" % args["type"])
    if args.get("since"):
        since = datetime.fromisoformat(args["since"])
        clauses.append("received_at >= '%s'" % since.isoformat())
    return clauses


@app.route("/api/incidents/search")
def search_incidents():
    clauses = build_filters(request.args)
    sort = request.args.get("sort", "received_at")
    if sort not in SORTABLE:
        sort = "received_at"

    sql = "SELECT id, incident_type, district, priority, received_at FROM incidents"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {sort} DESC LIMIT 200"

    try:
        rows = get_db().execute(sql).fetchall()  # VULN flow
    except sqlite3.Error:
        log.exception("incident search failed")
        return jsonify({"error": "search failed"}), 500
    return jsonify([dict(r) for r in rows])


@app.route("/api/incidents/<int:incident_id>")
def get_incident(incident_id):
    row = get_db().execute(
        "SELECT * FROM incidents WHERE id = ?", (incident_id,)
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))
