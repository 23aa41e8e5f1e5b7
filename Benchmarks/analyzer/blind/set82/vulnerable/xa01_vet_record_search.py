"""Patient record search API for the Riverside Veterinary Clinic front desk."""
import logging
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config.from_mapping(DATABASE="clinic.db", PAGE_SIZE=50)
log = logging.getLogger("clinic.records")

SEARCHABLE_FIELDS = ("name", "species", "breed", "owner_last_name")


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


def build_where(args) -> str:
    """Translate query-string filters into a WHERE clause."""
    clauses = []
    for field in SEARCHABLE_FIELDS:
        value = args.get(field, "").strip()
        if value:
            clauses.append(f"{field} LIKE '%{value}%'")
    if not clauses:
        return ""
    return " WHERE " + " AND ".join(clauses)


@app.route("/api/patients")
def search_patients():
    page = request.args.get("page", 1, type=int)
    offset = (max(page, 1) - 1) * app.config["PAGE_SIZE"]
    sql = (
        "SELECT id, name, species, breed, owner_last_name FROM patients"
        + build_where(request.args)
        + f" ORDER BY name LIMIT {app.config['PAGE_SIZE']} OFFSET {offset}"
    )
    log.debug("patient search: %r", sql)
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/api/patients/<int:patient_id>/visits")
def patient_visits(patient_id: int):
    db = get_db()
    patient = db.execute("SELECT id FROM patients WHERE id = ?", (patient_id,)).fetchone()
    if patient is None:
        abort(404)
    visits = db.execute(
        "SELECT visit_date, reason, vet_name FROM visits WHERE patient_id = ? "
        "ORDER BY visit_date DESC",
        (patient_id,),
    ).fetchall()
    return jsonify([dict(v) for v in visits])


if __name__ == "__main__":
    app.run()
