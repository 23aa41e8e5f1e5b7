"""Batch log search endpoints for the brewhouse dashboard."""
import logging
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("brewhouse.batches")

DB_PATH = "/var/lib/brewhouse/batches.db"
SORTABLE = {"brew_date", "batch_no", "style", "og", "fg"}


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


def build_where(filters: dict):
    clauses = []
    params = []
    if filters.get("style"):
        clauses.append("style = ?")
        params.append(filters["style"])
    if filters.get("brewer"):
        clauses.append("brewer LIKE ?")
        params.append("%" + filters["brewer"] + "%")
    if filters.get("since"):
        clauses.append("brew_date >= ?")
        params.append(filters["since"])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return where, params


@app.route("/api/batches")
def search_batches():
    filters = {
        "style": request.args.get("style", "").strip(),
        "brewer": request.args.get("brewer", "").strip(),
        "since": request.args.get("since", "").strip(),
    }
    order = request.args.get("sort", "brew_date")
    if order not in SORTABLE:
        order = "brew_date"

    where, params = build_where(filters)
    sql = "SELECT batch_no, style, brewer, brew_date, og, fg FROM batches"
    sql += where
    sql += " ORDER BY %s DESC LIMIT 200" % order
    log.debug("batch search filters=%r", filters)
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/batches/<int:batch_no>")
def batch_detail(batch_no: int):
    db = get_db()
    batch = db.execute(
        "SELECT batch_no, style, brewer, brew_date, og, fg, notes FROM batches WHERE batch_no = ?",
        (batch_no,),
    ).fetchone()
    if batch is None:
        abort(404)
    readings = db.execute(
        "SELECT taken_at, gravity, temp_c FROM gravity_readings WHERE batch_no = ? ORDER BY taken_at",
        (batch_no,),
    ).fetchall()
    return jsonify({"batch": dict(batch), "readings": [dict(r) for r in readings]})


if __name__ == "__main__":
    app.run(port=5010)
