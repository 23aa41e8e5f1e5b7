"""Public obituary search API used by the memorial website and partner widgets."""
import logging
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/memorials/obituaries.db"
log = logging.getLogger("obituary_search")

PAGE_SIZE = 25


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


def build_filters(args) -> str:
    """Translate query-string filters into a WHERE clause."""
    clauses = ["o.published = 1"]
    surname = (args.get("surname") or "").strip()
    if surname:
        clauses.append("o.last_name LIKE '%s%%'" % surname)
    home = args.get("funeral_home")
    if home and home.isdigit():
        clauses.append("o.home_id = %d" % int(home))
    year = args.get("year")
    if year:
        clauses.append("strftime('%%Y', o.date_of_death) = '%s'" % year)
    return " AND ".join(clauses)


def row_to_dict(row: sqlite3.Row) -> dict:
    return {
        "id": row["id"],
        "name": f"{row['first_name']} {row['last_name']}",
        "date_of_death": row["date_of_death"],
        "summary": row["summary"],
        "funeral_home": row["home_name"],
    }


@app.route("/api/obituaries")
def search_obituaries():
    try:
        page = max(int(request.args.get("page", 1)), 1)
    except ValueError:
        abort(400)
    where = build_filters(request.args)
    sql = (
        "SELECT o.id, o.first_name, o.last_name, o.date_of_death, o.summary, h.name AS home_name "
        "FROM obituaries o JOIN funeral_homes h ON h.id = o.home_id "
        f"WHERE {where} ORDER BY o.date_of_death DESC "
        f"LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}"
    )
    log.debug("obituary search page=%d", page)
    try:
        rows = get_db().execute(sql).fetchall()  # VULN flow
    except sqlite3.Error:
        log.exception("obituary search failed")
        abort(500)
    return jsonify(results=[row_to_dict(r) for r in rows], page=page)


@app.route("/api/obituaries/<int:obit_id>")
def get_obituary(obit_id: int):
    row = get_db().execute(
        "SELECT o.*, h.name AS home_name FROM obituaries o "
        "JOIN funeral_homes h ON h.id = o.home_id WHERE o.id = ? AND o.published = 1",
        (obit_id,),
    ).fetchone()
    if row is None:
        abort(404)
    return jsonify(row_to_dict(row))
