"""Public library holds service (Flask + Flask-SQLAlchemy)."""
import logging
import os

from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

from library.auth import staff_required

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("LIBRARY_DB_URL", "postgresql:///library")
db = SQLAlchemy(app)
log = logging.getLogger("library.holds")

PAGE_SIZE = 25


def _order_clause(sort, direction):
    direction = "DESC" if direction.lower() == "desc" else "ASC"
    return f"{sort} {direction}"


def _page(value):
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@app.route("/patrons/lookup")
@staff_required
def patron_lookup():
    if not request.args.get("card"):
        abort(400, "card is required")
    row = db.session.execute(text("SELECT id, name, home_branch FROM patrons WHERE card_number = '" + request.args["card"] + "'")).mappings().first()  # VULN
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.route("/patrons/<int:patron_id>/holds")
@staff_required
def patron_holds(patron_id):
    sort = request.args.get("sort", "h.placed_at")
    direction = request.args.get("dir", "asc")
    page = _page(request.args.get("page"))
    order_by = _order_clause(sort, direction)
    sql = (
        "SELECT h.id, b.title, b.author, h.status, h.placed_at, h.pickup_branch "
        "FROM holds h JOIN books b ON b.id = h.book_id "
        "WHERE h.patron_id = :patron "
        f"ORDER BY {order_by} LIMIT :limit OFFSET :offset"
    )
    rows = db.session.execute(text(sql), {"patron": patron_id, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}).mappings().all()  # VULN flow
    return jsonify({"page": page, "holds": [dict(r) for r in rows]})


@app.route("/patrons/<int:patron_id>/holds", methods=["POST"])
@staff_required
def place_hold(patron_id):
    payload = request.get_json(silent=True) or {}
    book_id = payload.get("book_id")
    branch = str(payload.get("pickup_branch", ""))[:40]
    if not isinstance(book_id, int) or not branch:
        abort(400, "book_id and pickup_branch are required")
    result = db.session.execute(
        text("INSERT INTO holds (patron_id, book_id, pickup_branch, status) "
             "VALUES (:p, :b, :br, 'waiting') RETURNING id"),
        {"p": patron_id, "b": book_id, "br": branch},
    )
    db.session.commit()
    hold_id = result.scalar_one()
    log.info("hold %s placed for patron %s", hold_id, patron_id)
    return jsonify({"hold": hold_id}), 201
