"""Export a customer's invoices as a CSV download."""
import csv
import io
import sqlite3

from flask import Flask, Response, abort, g, request

app = Flask(__name__)
DATABASE = "billing.db"
EXPORT_COLUMNS = ["id", "number", "issued_on", "total", "status"]


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_invoice_query(customer_id, status):
    query = "SELECT id, number, issued_on, total, status FROM invoices"
    query += " WHERE customer_id = '%s'" % customer_id
    if status:
        query += " AND status = '" + status + "'"
    query += " ORDER BY issued_on DESC"
    return query


def fetch_invoices(customer_id, status=None):
    sql = build_invoice_query(customer_id, status)
    cur = get_db().execute(sql)  # VULN flow
    return cur.fetchall()


def rows_to_csv(rows):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([row[col] for col in EXPORT_COLUMNS])
    return buf.getvalue()


@app.route("/customers/<customer_id>/invoices.csv")
def export_invoices(customer_id):
    status = request.args.get("status")
    rows = fetch_invoices(customer_id, status)
    if not rows:
        abort(404)
    return Response(
        rows_to_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=invoices.csv"},
    )
