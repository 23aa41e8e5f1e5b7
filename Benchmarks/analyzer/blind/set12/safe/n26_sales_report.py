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

ORDER_COLUMNS = {"revenue": "revenue", "units": "units", "region": "region"}


class ReportQuery:
    def __init__(self, params):
        try:
            self.start = date.fromisoformat(params.get("start") or date.today().replace(day=1).isoformat())
            self.end = date.fromisoformat(params.get("end") or date.today().isoformat())
        except ValueError:
            raise HTTPError(400, "dates must be YYYY-MM-DD")
        self.region = params.get("region")
        self.order_by = ORDER_COLUMNS.get(params.get("order_by", "revenue"), "revenue")

    def sql(self):
        where = "sold_at BETWEEN :start AND :end"
        binds = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        if self.region:
            where += " AND region = :region"
            binds["region"] = self.region
        return (
            "SELECT region, product_line, SUM(quantity) AS units, SUM(amount) AS revenue "
            f"FROM sales WHERE {where} "
            f"GROUP BY region, product_line ORDER BY {self.order_by} DESC"
        ), binds


@app.get("/api/sales/summary")
def sales_summary():
    report = ReportQuery(request.query)
    query, binds = report.sql()
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(query), binds).mappings().all()
    except SQLAlchemyError as exc:
        log.error("sales summary failed: %s", exc)
        raise HTTPError(500, "query failed")
    return {
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
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
