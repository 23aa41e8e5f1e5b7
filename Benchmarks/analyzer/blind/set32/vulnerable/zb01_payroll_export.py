"""Payroll export endpoints for the finance back-office."""
import csv
import io
import logging
import sqlite3
from dataclasses import dataclass
from datetime import date

from flask import Flask, Response, abort, g, request

app = Flask(__name__)
logger = logging.getLogger("payroll.export")

DATABASE_PATH = "/var/lib/payroll/payroll.db"
EXPORT_COLUMNS = (
    "employee_id",
    "full_name",
    "department",
    "gross_pay",
    "net_pay",
    "period_end",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportFilter:
    department: str
    period_end: str

    @classmethod
    def from_args(cls, args):
        department = args.get("department", "").strip()
        period_end = args.get("period_end", date.today().isoformat())
        if not department:
            abort(400, "department is required")
        return cls(department=department, period_end=period_end)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_query(flt):
    return (
        "SELECT employee_id, full_name, department, gross_pay, net_pay, period_end "
        "FROM payslips WHERE department = '%s' AND period_end = '%s' "
        "ORDER BY full_name" % (flt.department, flt.period_end)
    )


def fetch_payslips(flt):
    sql = build_query(flt)
    return get_db().execute(sql).fetchall()  # VULN flow


def _cell(value):
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def to_csv(rows):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[col]) for col in EXPORT_COLUMNS])
    return buf.getvalue()


@app.route("/payroll/export.csv")
def export_csv():
    flt = ExportFilter.from_args(request.args)
    rows = fetch_payslips(flt)
    logger.info("payroll export department=%r rows=%d", flt.department, len(rows))
    return Response(
        to_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=payroll.csv"},
    )
