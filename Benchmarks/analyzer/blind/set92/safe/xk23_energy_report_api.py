"""Energy report API for the building management dashboard (Starlette)."""
import logging
import sqlite3
from datetime import date

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("energy.api")
DB_PATH = "/var/lib/bms/energy.db"
SORTABLE = {"ts": "ts", "kwh": "kwh DESC", "peak": "peak_kw DESC"}


class ReportQuery:
    COLUMNS = "meter_id, ts, kwh, peak_kw"

    def __init__(self, meter: str, start: str, end: str, order: str = "ts"):
        self.meter = meter
        self.start = start
        self.end = end
        self.order = SORTABLE.get(order, "ts")

    def sql(self):
        return (
            f"SELECT {self.COLUMNS} FROM readings "
            f"WHERE meter_id = ? AND ts BETWEEN ? AND ? "
            f"ORDER BY {self.order} LIMIT 5000"
        ), (self.meter, self.start, self.end)


def run_report(query: ReportQuery):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        statement, params = query.sql()
        rows = conn.execute(statement, params).fetchall()
        return [dict(r) for r in rows]
    finally:
        conn.close()


def _parse_day(value: str, field: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(status_code=400, detail=f"bad {field}")


async def meter_report(request: Request) -> JSONResponse:
    meter = request.path_params["meter"]
    start = _parse_day(request.query_params.get("from", ""), "from")
    end = _parse_day(request.query_params.get("to", ""), "to")
    query = ReportQuery(meter, start, end, request.query_params.get("sort", "ts"))
    rows = await run_in_threadpool(run_report, query)
    total = sum(r["kwh"] for r in rows)
    return JSONResponse({"meter": meter, "rows": rows, "total_kwh": round(total, 3)})


async def meters(request: Request) -> JSONResponse:
    def _list():
        conn = sqlite3.connect(DB_PATH)
        try:
            return [r[0] for r in conn.execute("SELECT DISTINCT meter_id FROM readings")]
        finally:
            conn.close()
    return JSONResponse({"meters": await run_in_threadpool(_list)})


app = Starlette(routes=[
    Route("/api/meters", meters),
    Route("/api/meters/{meter}/report", meter_report),
])
