"""Invoice search endpoints for the billing back office."""
import os
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
DATABASE = os.environ.get("INVOICE_DB", "/var/lib/billing/invoices.db")
SORTABLE = {"issued_at", "amount", "customer"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class InvoiceQuery:
    def __init__(self, customer: str, status: str, order_by: str):
        self.customer = customer.strip()
        self.status = status.strip()
        self.order_by = order_by

    def where_clause(self) -> str:
        clauses = ["deleted = 0"]
        if self.customer:
            clauses.append(f"customer LIKE '%{self.customer}%'")
        if self.status:
            clauses.append(f"status = '{self.status}'")
        return " AND ".join(clauses)

    def to_sql(self) -> str:
        return (
            "SELECT id, customer, amount, status, issued_at FROM invoices "
            f"WHERE {self.where_clause()} ORDER BY {self.order_by} DESC LIMIT 100"
        )


@app.get("/invoices")
def search_invoices():
    order_by = request.args.get("sort", "issued_at")
    if order_by not in SORTABLE:
        abort(400, description="unsupported sort column")
    query = InvoiceQuery(
        request.args.get("customer", ""),
        request.args.get("status", ""),
        order_by,
    )
    rows = get_db().execute(query.to_sql()).fetchall()  # VULN flow
    return jsonify([dict(row) for row in rows])


@app.get("/invoices/<int:invoice_id>")
def invoice_detail(invoice_id: int):
    row = get_db().execute(
        f"SELECT id, customer, amount, status, issued_at FROM invoices WHERE id = {invoice_id}"
    ).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))
