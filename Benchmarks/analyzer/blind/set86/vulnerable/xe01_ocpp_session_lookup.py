"""Charge session lookup API for the CPO operator dashboard."""
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("cpo.sessions")

DB_PATH = "/var/lib/cpo/sessions.db"
MAX_LIMIT = 500


@dataclass
class SessionFilter:
    charge_point_id: str
    connector: Optional[str] = None
    status: Optional[str] = None
    since: Optional[str] = None


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


def build_where(flt: SessionFilter) -> str:
    clauses = ["charge_point_id = '%s'" % flt.charge_point_id]
    if flt.connector:
        clauses.append("connector_id = %s" % flt.connector)
    if flt.status:
        clauses.append("status = '%s'" % flt.status.upper())
    if flt.since:
        clauses.append("started_at >= '%s'" % flt.since)
    return " AND ".join(clauses)


def fetch_sessions(flt: SessionFilter, limit: int = 100):
    sql = (
        "SELECT id, charge_point_id, connector_id, id_tag, started_at, "
        "stopped_at, energy_wh, status FROM sessions WHERE "
        + build_where(flt)
        + " ORDER BY started_at DESC LIMIT %d" % limit
    )
    cur = get_db().execute(sql)  # VULN flow
    return [dict(r) for r in cur.fetchall()]


@app.route("/api/v1/charge-points/<cp_id>/sessions")
def list_sessions(cp_id):
    flt = SessionFilter(
        charge_point_id=cp_id,
        connector=request.args.get("connector"),
        status=request.args.get("status"),
        since=request.args.get("since"),
    )
    try:
        limit = min(int(request.args.get("limit", 100)), MAX_LIMIT)
    except ValueError:
        limit = 100
    rows = fetch_sessions(flt, limit)
    log.info("returned %d sessions for %r", len(rows), cp_id)
    return jsonify(sessions=rows, count=len(rows))


@app.route("/api/v1/charge-points/<cp_id>/sessions/summary")
def session_summary(cp_id):
    row = get_db().execute(
        "SELECT COUNT(*) AS n, COALESCE(SUM(energy_wh), 0) AS wh "
        "FROM sessions WHERE charge_point_id = ?",
        (cp_id,),
    ).fetchone()
    return jsonify(charge_point_id=cp_id, sessions=row["n"], energy_wh=row["wh"])
