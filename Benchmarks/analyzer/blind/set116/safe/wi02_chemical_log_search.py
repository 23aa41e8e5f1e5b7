"""Chemical usage log API for the compliance dashboard."""
import logging
import sqlite3
from datetime import date

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/srv/pestops/chemlog.db"
log = logging.getLogger(__name__)

SORTABLE = {"applied_at", "product", "quantity_ml", "technician"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class UsageFilter:
    def __init__(self, args):
        self.product = args.get("product", "").strip()
        self.technician = args.get("tech", "").strip()
        self.since = args.get("since") or date.today().replace(day=1).isoformat()
        self.sort = args.get("sort", "applied_at")

    def where_clause(self) -> tuple:
        clauses = ["applied_at >= ?"]
        params = [self.since]
        if self.product:
            clauses.append("product LIKE ?")
            params.append(f"%{self.product}%")
        if self.technician:
            clauses.append("technician = ?")
            params.append(self.technician)
        return " AND ".join(clauses), params


def fetch_usage(flt: UsageFilter) -> list:
    order = flt.sort if flt.sort in SORTABLE else "applied_at"
    where, params = flt.where_clause()
    sql = (
        "SELECT id, job_id, product, epa_reg_no, quantity_ml, technician, applied_at "
        "FROM chemical_usage WHERE " + where + f" ORDER BY {order} DESC"
    )
    return [dict(r) for r in get_db().execute(sql, params).fetchall()]


@app.get("/api/chemicals/usage")
def usage_report():
    flt = UsageFilter(request.args)
    rows = fetch_usage(flt)
    total = sum(r["quantity_ml"] or 0 for r in rows)
    return jsonify({"count": len(rows), "total_ml": total, "rows": rows})


@app.get("/api/chemicals/usage/<int:usage_id>")
def usage_detail(usage_id: int):
    row = get_db().execute(
        "SELECT * FROM chemical_usage WHERE id = ?", (usage_id,)
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


@app.delete("/api/chemicals/usage/<int:usage_id>")
def usage_delete(usage_id: int):
    reason = request.args.get("reason", "")
    db = get_db()
    db.execute("DELETE FROM chemical_usage WHERE id = ?", (usage_id,))
    db.execute(
        "INSERT INTO audit (action, ref, note) VALUES ('delete', ?, ?)",
        (usage_id, reason),
    )
    db.commit()
    return "", 204
