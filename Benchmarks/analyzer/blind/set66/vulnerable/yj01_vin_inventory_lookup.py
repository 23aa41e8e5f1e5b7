"""VIN lookup endpoints for the dealership inventory service."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("inventory.vin")

DB_PATH = "/var/lib/dealer/inventory.db"
VEHICLE_COLUMNS = ("vin", "make", "model", "model_year", "trim", "list_price", "lot_code")


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


def normalise_vin(raw: str) -> str:
    return raw.strip().upper().replace(" ", "").replace("-", "")


def build_vehicle_query(vin, lot=None):
    cols = ", ".join(VEHICLE_COLUMNS)
    sql = "SELECT %s FROM vehicles WHERE vin = '%s'" % (cols, vin)
    if lot:
        sql += " AND lot_code = '%s'" % lot
    return sql


@app.route("/api/vehicles/<vin>")
def vehicle_by_vin(vin):
    vin = normalise_vin(vin)
    query = build_vehicle_query(vin, request.args.get("lot"))
    log.debug("vin lookup for %r", vin)
    row = get_db().execute(query).fetchone()  # VULN flow
    if row is None:
        return jsonify({"error": "vehicle not found"}), 404
    return jsonify(dict(row))


@app.route("/api/vehicles")
def search_vehicles():
    make = request.args.get("make", "")
    max_price = request.args.get("max_price", type=float) or 10_000_000.0
    sort = request.args.get("sort", "list_price")
    direction = "DESC" if request.args.get("desc") == "1" else "ASC"
    sql = (
        "SELECT vin, make, model, model_year, list_price FROM vehicles "
        "WHERE make LIKE ? AND list_price <= ? "
        f"ORDER BY {sort} {direction} LIMIT 100"
    )
    rows = get_db().execute(sql, (make + "%", max_price)).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/api/lots/<lot_code>/count")
def lot_count(lot_code):
    row = get_db().execute(
        "SELECT COUNT(*) AS n FROM vehicles WHERE lot_code = ?", (lot_code,)
    ).fetchone()
    return jsonify({"lot": lot_code, "vehicles": row["n"]})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run()
