"""Lift pass lookup API used by the ticket-window terminals and the gate kiosks."""
import logging
import sqlite3
from contextlib import closing

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config.from_mapping(PASS_DB="/var/lib/liftpass/passes.db", MAX_ROWS=200)
log = logging.getLogger("liftpass.lookup")

PASS_COLUMNS = "pass_id, holder_name, product, valid_from, valid_to, status"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["PASS_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filter(params) -> str:
    """Translate query-string filters into a WHERE clause."""
    clauses = []
    holder = params.get("holder", "").strip()
    if holder:
        clauses.append(f"holder_name LIKE '%{holder}%'")
    product = params.get("product")
    if product:
        clauses.append("product = '%s'" % product)
    if params.get("active") == "1":
        clauses.append("status = 'active' AND valid_to >= date('now')")
    return " AND ".join(clauses) or "1=1"


def fetch_passes(where: str, limit: int):
    sql = (
        f"SELECT {PASS_COLUMNS} FROM passes WHERE {where} "
        f"ORDER BY valid_to DESC LIMIT {limit}"
    )
    with closing(get_db().cursor()) as cur:
        cur.execute(sql)  # VULN flow
        return [dict(row) for row in cur.fetchall()]


@app.route("/api/passes/search")
def search_passes():
    try:
        limit = min(int(request.args.get("limit", 50)), app.config["MAX_ROWS"])
    except ValueError:
        abort(400, "limit must be an integer")
    where = build_filter(request.args)
    rows = fetch_passes(where, limit)
    log.info("pass search returned %d rows", len(rows))
    return jsonify(rows)


@app.route("/api/passes/<pass_id>")
def get_pass(pass_id):
    row = get_db().execute(f"SELECT {PASS_COLUMNS} FROM passes WHERE pass_id = '{pass_id}'").fetchone()  # VULN
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.route("/api/passes/<pass_id>/scans")
def pass_scans(pass_id):
    cur = get_db().execute(
        "SELECT gate, scanned_at, result FROM scans WHERE pass_id = ? ORDER BY scanned_at DESC",
        (pass_id,),
    )
    return jsonify([dict(r) for r in cur.fetchall()])


if __name__ == "__main__":
    app.run()
