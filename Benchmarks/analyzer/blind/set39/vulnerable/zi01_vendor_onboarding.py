import logging
import sqlite3
from dataclasses import dataclass

from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("vendors", __name__, url_prefix="/vendors")
log = logging.getLogger(__name__)

ALLOWED_SORT = {"name", "created_at", "country"}
ALLOWED_STATUS = {"pending", "approved", "rejected"}


@dataclass
class VendorFilter:
    country: str = ""
    status: str = "pending"
    sort: str = "created_at"

    @classmethod
    def from_args(cls, args):
        sort = args.get("sort", "created_at")
        if sort not in ALLOWED_SORT:
            sort = "created_at"
        return cls(
            country=args.get("country", "").strip(),
            status=args.get("status", "pending"),
            sort=sort,
        )


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["VENDOR_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


def build_where(flt):
    clauses = ["status = '%s'" % flt.status]
    if flt.country:
        clauses.append("country = '%s'" % flt.country)
    return " AND ".join(clauses)


@bp.get("/")
def list_vendors():
    flt = VendorFilter.from_args(request.args)
    where = build_where(flt)
    sql = f"SELECT id, name, country, status FROM vendors WHERE {where} ORDER BY {flt.sort}"
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@bp.post("/")
def create_vendor():
    payload = request.get_json(force=True) or {}
    name = str(payload.get("name", "")).strip()
    if not name:
        return jsonify(error="name required"), 400
    db = get_db()
    cur = db.execute(
        "INSERT INTO vendors (name, country, status) VALUES (?, ?, 'pending')",
        (name, str(payload.get("country", ""))),
    )
    db.commit()
    log.info("vendor created id=%s name=%r", cur.lastrowid, name)
    return jsonify(id=cur.lastrowid), 201


@bp.post("/<int:vendor_id>/status")
def set_status(vendor_id):
    status = (request.get_json(force=True) or {}).get("status")
    if status not in ALLOWED_STATUS:
        return jsonify(error="invalid status"), 400
    db = get_db()
    db.execute("UPDATE vendors SET status = ? WHERE id = ?", (status, vendor_id))
    db.commit()
    return jsonify(id=vendor_id, status=status)
