"""Donor lookup API used by the development team's CRM front end."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("crm.donors")

DB_PATH = "/var/lib/crm/donors.db"
SORTABLE = {"last_name", "total_given", "last_gift_date"}
PAGE_SIZE = 200


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
    """Translate query-string filters into SQL conditions plus parameters."""
    clauses = []
    params = []
    name = args.get("name", "").strip()
    if name:
        clauses.append("(last_name LIKE ? OR first_name LIKE ?)")
        params.extend([f"%{name}%", f"%{name}%"])
    region = args.get("region")
    if region:
        clauses.append("region = ?")
        params.append(region)
    min_total = args.get("min_total")
    if min_total:
        try:
            params.append(float(min_total))
        except ValueError:
            pass
        else:
            clauses.append("total_given >= ?")
    return clauses, params


@app.route("/api/donors")
def search_donors():
    clauses, params = build_filters(request.args)
    order = request.args.get("sort", "last_name")
    if order not in SORTABLE:
        order = "last_name"

    sql = "SELECT id, first_name, last_name, email, region, total_given FROM donors"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {order} DESC LIMIT {PAGE_SIZE}"

    log.debug("donor search with %d filters", len(clauses))
    try:
        rows = get_db().execute(sql, params).fetchall()
    except sqlite3.Error:
        log.exception("donor search failed")
        return jsonify({"error": "search failed"}), 500
    return jsonify([dict(r) for r in rows])


@app.route("/api/donors/<int:donor_id>")
def donor_detail(donor_id):
    row = get_db().execute(
        "SELECT * FROM donors WHERE id = ?", (donor_id,)
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run()
