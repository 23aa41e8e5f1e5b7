"""Pharmacist work-queue search endpoints."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request, abort

app = Flask(__name__)
app.config["DATABASE"] = "/srv/pharmacy/pms.sqlite3"
log = logging.getLogger(__name__)

BASE_QUERY = """
SELECT r.id, r.rx_number, r.drug_name, r.status, r.written_at,
       p.first_name, p.last_name, p.dob
  FROM prescriptions r
  JOIN patients p ON p.id = r.patient_id
"""

STATUSES = {"new", "verified", "filled", "picked_up", "cancelled"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class RxFilter:
    def __init__(self, params):
        self.last_name = params.get("last_name", "").strip()
        self.status = params.get("status", "").strip().lower()
        self.prescriber = params.get("npi", "").strip()
        self.store_id = params.get("store", type=int)

    def clauses(self):
        out = []
        if self.last_name:
            out.append("p.last_name LIKE '%s%%'" % self.last_name)
        if self.status:
            if self.status not in STATUSES:
                abort(400, "unknown status")
            out.append("r.status = '%s'" % self.status)
        if self.prescriber:
            out.append(f"r.prescriber_npi = '{self.prescriber}'")
        if self.store_id is not None:
            out.append("r.store_id = %d" % self.store_id)
        return out


def run_search(flt: RxFilter, limit: int = 100):
    sql = BASE_QUERY
    where = flt.clauses()
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.written_at DESC LIMIT %d" % limit
    return get_db().execute(sql).fetchall()  # VULN flow


@app.route("/api/rx/search")
def search():
    flt = RxFilter(request.args)
    rows = run_search(flt)
    return jsonify([dict(r) for r in rows])


@app.route("/api/rx/<int:rx_id>")
def detail(rx_id: int):
    row = get_db().execute(BASE_QUERY + " WHERE r.id = ?", (rx_id,)).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))
