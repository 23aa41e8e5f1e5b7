"""Building permit lookup endpoints for the city self-service portal."""
import logging
import sqlite3
from dataclasses import dataclass

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("permits")

DB_PATH = "/var/lib/permits/permits.db"
SORTABLE = {"issued_on", "permit_no", "status"}


@dataclass
class PermitFilter:
    parcel: str
    status: str = ""
    order_by: str = "issued_on"


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


def build_where(flt: PermitFilter) -> str:
    clauses = ["parcel_id = '%s'" % flt.parcel]
    if flt.status:
        clauses.append("status = '%s'" % flt.status)
    return " AND ".join(clauses)


def fetch_permits(flt: PermitFilter):
    order = flt.order_by if flt.order_by in SORTABLE else "issued_on"
    sql = (
        "SELECT permit_no, status, issued_on, description FROM permits WHERE "
        + build_where(flt)
    )
    sql += " ORDER BY " + order
    log.debug("permit query built, order=%s", order)
    return get_db().execute(sql).fetchall()  # VULN flow


@app.route("/api/permits")
def list_permits():
    parcel = request.args.get("parcel", "").strip()
    if not parcel:
        return jsonify(error="parcel is required"), 400
    flt = PermitFilter(
        parcel=parcel,
        status=request.args.get("status", ""),
        order_by=request.args.get("sort", "issued_on"),
    )
    rows = fetch_permits(flt)
    return jsonify([dict(r) for r in rows])


@app.route("/api/permits/<int:permit_no>")
def permit_detail(permit_no: int):
    row = get_db().execute(
        "SELECT * FROM permits WHERE permit_no = ?", (permit_no,)
    ).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(dict(row))


@app.route("/api/permits/stats")
def permit_stats():
    rows = get_db().execute(
        "SELECT status, COUNT(*) AS n FROM permits GROUP BY status"
    ).fetchall()
    return jsonify({r["status"]: r["n"] for r in rows})
