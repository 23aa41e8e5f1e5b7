"""Daily KPI endpoint for the growth dashboard."""
import datetime as dt
import os

import psycopg2
import psycopg2.extras
from fastapi import FastAPI, HTTPException, Query
from psycopg2 import sql

app = FastAPI()
METRICS = ("signups", "activations", "churned", "revenue_cents")
ORDERINGS = {"day": ("day", "ASC"), "-day": ("day", "DESC"), "value": ("value", "ASC"), "-value": ("value", "DESC")}
DB_HOST = os.environ.get("PGHOST", "analytics-db.internal")
DB_USER = "dash_ro"
DB_PASSWORD = os.environ["KPI_DB_PASSWORD"]


def get_conn():
    return psycopg2.connect(host=DB_HOST, dbname="analytics", user=DB_USER, password=DB_PASSWORD,
                            connect_timeout=5)


def fetch_series(conn, metric, order_by, limit, since):
    column, direction = ORDERINGS[order_by]
    query = sql.SQL(
        "SELECT day, {metric} AS value FROM kpi_daily WHERE day >= %s "
        "ORDER BY {column} " + direction + " LIMIT %s"
    ).format(metric=sql.Identifier(metric), column=sql.Identifier(column))
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(query, (since, limit))
        return cur.fetchall()


@app.get("/kpi/{metric}")
def kpi(metric: str, order_by: str = "day", limit: int = Query(30, ge=1, le=365),
        since: dt.date = dt.date(2024, 1, 1)):
    if metric not in METRICS:
        raise HTTPException(status_code=404, detail="unknown metric")
    if order_by not in ORDERINGS:
        raise HTTPException(status_code=400, detail="unsupported ordering")
    conn = get_conn()
    try:
        rows = fetch_series(conn, metric, order_by, limit, since)
    finally:
        conn.close()
    return {
        "metric": metric,
        "points": [{"day": r["day"].isoformat(), "value": r["value"]} for r in rows],
    }


@app.get("/kpi")
def list_metrics():
    return {"metrics": list(METRICS)}


@app.get("/healthz")
def healthz():
    conn = get_conn()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1")
            cur.fetchone()
    finally:
        conn.close()
    return {"status": "ok"}
