"""Invoice export endpoints for the billing service."""
import csv
import functools
import hmac
import io
import logging
import os
import sqlite3
from dataclasses import dataclass

from flask import Flask, Response, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("billing.export")

DATABASE = os.environ.get("BILLING_DB", "/var/lib/billing/invoices.db")
ALLOWED_SORT = {"issued_at", "amount", "customer"}
FORMULA_PREFIXES = ("=", "+", "-", "@")


@dataclass
class ExportFilter:
    customer: str
    status: str
    sort: str = "issued_at"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def require_token(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        expected = os.environ.get("BILLING_EXPORT_TOKEN", "")
        supplied = request.headers.get("X-Export-Token", "")
        if not expected or not hmac.compare_digest(supplied.encode(), expected.encode()):
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def build_query(flt: ExportFilter) -> tuple[str, tuple[str, str]]:
    sort = flt.sort if flt.sort in ALLOWED_SORT else "issued_at"
    sql = (
        "SELECT id, customer, amount, status, issued_at FROM invoices "
        "WHERE customer = ? AND status = ? "
        f"ORDER BY {sort}"
    )
    return sql, (flt.customer, flt.status)


def fetch_invoices(flt: ExportFilter) -> list:
    sql, params = build_query(flt)
    return get_db().execute(sql, params).fetchall()


def _cell(value) -> str:
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def to_csv(rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "customer", "amount", "status", "issued_at"])
    for row in rows:
        writer.writerow([_cell(row[key]) for key in row.keys()])
    return buf.getvalue()


@app.route("/invoices/export")
@require_token
def export_invoices():
    flt = ExportFilter(
        customer=request.args.get("customer", ""),
        status=request.args.get("status", "open"),
        sort=request.args.get("sort", "issued_at"),
    )
    log.info("export requested customer=%r status=%r", flt.customer, flt.status)
    rows = fetch_invoices(flt)
    return Response(
        to_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=invoices.csv"},
    )


@app.route("/invoices/<int:invoice_id>")
@require_token
def invoice_detail(invoice_id: int):
    row = get_db().execute(
        "SELECT id, customer, amount, status, issued_at FROM invoices WHERE id = ?",
        (invoice_id,),
    ).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(dict(row))
