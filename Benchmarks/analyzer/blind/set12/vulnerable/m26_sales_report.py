"""Bottle JSON API behind the regional sales dashboard."""
import logging
import os
from datetime import date

from bottle import Bottle, HTTPError, request
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger("sales-api")

engine = create_engine(os.environ.get("SALES_DB_URL", "sqlite:///sales.db"), pool_pre_ping=True)
app = Bottle()


class ReportQuery:
    def __init__(self, params):
        self.start = params.get("start") or date.today().replace(day=1).isoformat()
        self.end = params.get("end") or date.today().isoformat()
        self.region = params.get("region")
        self.order_by = params.get("order_by", "revenue")

    def sql(self):
        where = f"sold_at BETWEEN '{self.start}' AND '{self.end}'"
        if self.region:
            where += f" AND region = '{self.region}'"
        return (
            "SELECT region, product_line, SUM(quantity) AS units, SUM(amount) AS revenue "
            f"FROM sales WHERE {where} "
            f"GROUP BY region, product_line ORDER BY {self.order_by} DESC"
        )


@app.get("/api/sales/summary")
def sales_summary():
    report = ReportQuery(request.query)
    query = report.sql()
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(query)).mappings().all()  # VULN flow
    except SQLAlchemyError as exc:
        log.error("sales summary failed: %s", exc)
        raise HTTPError(500, "query failed")
    return {
        "start": report.start,
        "end": report.end,
        "rows": [
            {"region": r["region"], "product_line": r["product_line"],
             "units": int(r["units"] or 0), "revenue": float(r["revenue"] or 0)}
            for r in rows
        ],
    }


@app.get("/api/sales/regions")
def regions():
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT DISTINCT region FROM sales ORDER BY region")).all()
    return {"regions": [r[0] for r in rows]}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8090)
