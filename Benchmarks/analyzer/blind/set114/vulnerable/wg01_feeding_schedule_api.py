"""Feeding schedule API used by the keeper tablets on the animal-care floor."""
import logging
import sqlite3
from datetime import date

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DB_PATH"] = "/var/lib/zoo/feeding.db"
log = logging.getLogger("feeding_api")

SORTABLE = {"feed_time", "enclosure_code", "species"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DB_PATH"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filters(args) -> str:
    """Translate query-string filters into a WHERE clause."""
    clauses = []
    enclosure = args.get("enclosure")
    if enclosure:
        clauses.append(f"enclosure_code = '{enclosure}'")
    species = args.get("species")
    if species:
        clauses.append(f"species LIKE '%{species}%'")
    day = args.get("day", date.today().isoformat())
    clauses.append(f"feed_date = '{day}'")
    return " AND ".join(clauses)


@app.route("/api/feedings")
def list_feedings():
    where = build_filters(request.args)
    order = request.args.get("sort", "feed_time")
    if order not in SORTABLE:
        order = "feed_time"
    sql = (
        "SELECT id, enclosure_code, species, food_item, grams, feed_time "
        "FROM feedings WHERE " + where + " ORDER BY " + order
    )
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/api/feedings/<int:feeding_id>/done", methods=["POST"])
def mark_done(feeding_id: int):
    keeper = request.form.get("keeper", "unknown")
    db = get_db()
    db.execute(
        "UPDATE feedings SET completed_by = ?, completed_at = CURRENT_TIMESTAMP WHERE id = ?",
        (keeper, feeding_id),
    )
    db.commit()
    log.info("feeding %d marked done by %r", feeding_id, keeper)
    return jsonify({"ok": True})


if __name__ == "__main__":
    app.run(port=5001)
