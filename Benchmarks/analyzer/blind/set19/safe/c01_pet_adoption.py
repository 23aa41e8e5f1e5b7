"""Pet adoption listing service."""
import logging
import os
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = os.environ.get("ADOPTION_DB", "adoption.db")
log = logging.getLogger("adoption")

SPECIES = {"dog", "cat", "rabbit", "bird", "guinea_pig"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filter(species, shelter):
    clauses = ["adopted = 0"]
    params = []
    if species:
        clauses.append("species = ?")
        params.append(species)
    if shelter:
        clauses.append("shelter_name LIKE ?")
        params.append("%" + shelter + "%")
    return " AND ".join(clauses), params


@app.route("/pets")
def list_pets():
    species = request.args.get("species", "").strip().lower()
    shelter = request.args.get("shelter", "").strip()
    if species and species not in SPECIES:
        return jsonify({"error": "unknown species"}), 400
    where, params = build_filter(species, shelter)
    sql = "SELECT id, name, species, age_months FROM pets WHERE " + where + " ORDER BY listed_at DESC"
    log.info("listing pets species=%r shelter=%r", species, shelter)
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/pets/<int:pet_id>")
def pet_detail(pet_id):
    row = get_db().execute(
        "SELECT id, name, species, age_months, bio FROM pets WHERE id = ?", (pet_id,)
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


@app.route("/pets/<int:pet_id>/apply", methods=["POST"])
def apply(pet_id):
    payload = request.get_json(silent=True) or {}
    applicant = str(payload.get("applicant", "")).strip()
    email = str(payload.get("email", "")).strip()
    if not applicant or "@" not in email:
        return jsonify({"error": "applicant and email required"}), 400
    db = get_db()
    db.execute(
        "INSERT INTO applications (pet_id, applicant, email) VALUES (?, ?, ?)",
        (pet_id, applicant, email),
    )
    db.commit()
    log.info("application received for pet %d", pet_id)
    return jsonify({"status": "received"}), 201


if __name__ == "__main__":
    app.run(port=5001, debug=False)
