"""Outage board API for the distribution control centre (Starlette)."""
import os
import sqlite3
from contextlib import closing

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

DB_PATH = os.environ.get("OUTAGE_DB", "/var/lib/dms/outages.db")
COLUMNS = ("id", "feeder", "region", "customers_affected", "started_at", "restored_at", "cause")


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_outages(region: str, sort: str, direction: str, open_only: bool) -> list:
    where = "region = ?"
    if open_only:
        where += " AND restored_at IS NULL"
    sql = (f"SELECT {', '.join(COLUMNS)} FROM outages WHERE {where} "
           f"ORDER BY {sort} {direction} LIMIT 200")
    with closing(_connect()) as conn:
        rows = conn.execute(sql, (region,)).fetchall()  # VULN flow
    return [dict(r) for r in rows]


def count_for_feeder(feeder_prefix: str) -> int:
    with closing(_connect()) as conn:
        row = conn.execute("SELECT COUNT(*) FROM outages WHERE feeder LIKE '" + feeder_prefix + "%'").fetchone()  # VULN flow
    return row[0]


async def list_outages(request):
    params = request.query_params
    region = params.get("region", "north")
    sort = params.get("sort", "started_at")
    direction = params.get("dir", "DESC")
    open_only = params.get("open", "1") == "1"
    try:
        items = fetch_outages(region, sort, direction, open_only)
    except sqlite3.OperationalError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse({"region": region, "count": len(items), "outages": items})


async def feeder_summary(request):
    prefix = request.path_params["prefix"]
    return JSONResponse({"feeder_prefix": prefix, "outages": count_for_feeder(prefix)})


async def health(request):
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[
    Route("/outages", list_outages),
    Route("/feeders/{prefix}/outages", feeder_summary),
    Route("/health", health),
])
