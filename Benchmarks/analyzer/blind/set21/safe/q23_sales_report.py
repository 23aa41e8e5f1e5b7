"""Sales reporting endpoint for regional managers (Flask + SQLAlchemy Core)."""
import os
from datetime import date

from flask import Flask, abort, jsonify, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine(os.environ["REPORTING_DATABASE_URL"], pool_pre_ping=True)

DEFAULT_SORT = "revenue"
SORT_COLUMNS = {"revenue": "revenue", "units": "units", "category": "p.category"}


class ReportSpec:
    def __init__(self, args):
        self.region = args.get("region", "EMEA")
        self.start = date.fromisoformat(args.get("from", date.today().replace(day=1).isoformat()))
        self.sort = SORT_COLUMNS.get(args.get("sort", DEFAULT_SORT), SORT_COLUMNS[DEFAULT_SORT])
        self.direction = "ASC" if args.get("dir", "desc").lower() == "asc" else "DESC"
        self.limit = min(int(args.get("limit", "50")), 500)

    def to_sql(self):
        return (
            "SELECT p.category, SUM(o.quantity) AS units, SUM(o.quantity * o.unit_price) AS revenue "
            "FROM orders o JOIN products p ON p.id = o.product_id "
            "WHERE o.region = :region AND o.sold_at >= :start "
            "GROUP BY p.category "
            f"ORDER BY {self.sort} {self.direction} LIMIT :limit"
        )


def run_report(spec):
    stmt = text(spec.to_sql())
    with engine.connect() as conn:
        result = conn.execute(stmt, {"region": spec.region, "start": spec.start, "limit": spec.limit})
        return [dict(row._mapping) for row in result]


@app.get("/reports/sales")
def sales_report():
    try:
        spec = ReportSpec(request.args)
    except ValueError:
        abort(400)
    rows = run_report(spec)
    for row in rows:
        row["revenue"] = float(row["revenue"] or 0)
    return jsonify(region=spec.region, since=spec.start.isoformat(), rows=rows)
