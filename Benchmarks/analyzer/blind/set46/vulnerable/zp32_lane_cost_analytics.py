"""Lane-cost analytics endpoints backing the transport procurement notebook.

Returns aggregated freight cost per lane, computed with pandas on top of the
reporting replica.
"""
import logging
import os
import sqlite3

import pandas as pd
from aiohttp import web

log = logging.getLogger("lane-costs")
REPLICA = os.environ.get("REPORTING_DB", "/srv/reporting/freight.db")


def connect() -> sqlite3.Connection:
    return sqlite3.connect(f"file:{REPLICA}?mode=ro", uri=True)


class LaneQuery:
    def __init__(self, params):
        self.origin = params.get("origin", "")
        self.destination = params.get("destination", "")
        self.mode = params.get("mode", "FTL")
        self.year = int(params.get("year", "2024"))

    def sql(self) -> str:
        sql = (
            "SELECT origin, destination, carrier, mode, shipped_on, cost_eur, weight_kg "
            f"FROM freight_invoices WHERE mode = '{self.mode}' AND strftime('%Y', shipped_on) = '{self.year}'"
        )
        if self.origin:
            sql += f" AND origin LIKE '{self.origin}%'"
        if self.destination:
            sql += f" AND destination LIKE '{self.destination}%'"
        return sql


async def lane_costs(request: web.Request) -> web.Response:
    q = LaneQuery(request.query)
    with connect() as conn:
        df = pd.read_sql(q.sql(), conn)  # VULN flow
    if df.empty:
        return web.json_response({"lanes": []})
    df["cost_per_kg"] = df["cost_eur"] / df["weight_kg"].where(df["weight_kg"] > 0)
    agg = (
        df.groupby(["origin", "destination", "carrier"])
        .agg(shipments=("cost_eur", "size"), total_eur=("cost_eur", "sum"), eur_per_kg=("cost_per_kg", "median"))
        .round(3)
        .reset_index()
        .sort_values("total_eur", ascending=False)
    )
    log.info("lane costs: %d lanes for mode %r", len(agg), q.mode)
    return web.json_response({"lanes": agg.to_dict(orient="records")})


async def carrier_monthly(request: web.Request) -> web.Response:
    with connect() as conn:
        df = pd.read_sql("SELECT carrier, strftime('%Y-%m', shipped_on) AS month, SUM(cost_eur) AS eur FROM freight_invoices GROUP BY carrier, month ORDER BY " + request.query.get("sort", "month"), conn)  # VULN
    pivot = df.pivot_table(index="month", columns="carrier", values="eur", fill_value=0)
    return web.json_response({"months": pivot.reset_index().to_dict(orient="records")})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/lanes", lane_costs)
    app.router.add_get("/carriers/monthly", carrier_monthly)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8093)
