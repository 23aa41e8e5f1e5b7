"""Compound registry search endpoint for the internal chemistry portal."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("registry.search")

DB_PATH = "/srv/registry/compounds.db"
SORTABLE = {"mw": "mol_weight", "id": "compound_id", "name": "common_name"}
MAX_ROWS = 200


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
    """Translate query-string filters into a WHERE clause plus bound parameters."""
    clauses = []
    params = []
    if args.get("project"):
        clauses.append("project_code = ?")
        params.append(args["project"])
    if args.get("min_mw"):
        clauses.append("mol_weight >= ?")
        params.append(float(args["min_mw"]))
    if args.get("name"):
        clauses.append("common_name LIKE ?")
        params.append("%" + args["name"] + "%")
    return (" AND ".join(clauses) or "1=1"), params


@app.route("/api/compounds")
def search_compounds():
    try:
        where, params = build_filters(request.args)
    except ValueError:
        return jsonify({"error": "min_mw must be numeric"}), 400
    order = SORTABLE.get(request.args.get("sort", "id"), "compound_id")
    sql = (
        "SELECT compound_id, common_name, smiles, mol_weight FROM compounds "
        f"WHERE {where} ORDER BY {order} LIMIT {MAX_ROWS}"
    )
    log.debug("compound search with %d filters", len(params))
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/compounds/<int:compound_id>/batches")
def compound_batches(compound_id: int):
    rows = get_db().execute(
        "SELECT batch_id, purity, amount_mg, registered_at FROM batches "
        "WHERE compound_id = ? ORDER BY registered_at DESC",
        (compound_id,),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(port=5001)
