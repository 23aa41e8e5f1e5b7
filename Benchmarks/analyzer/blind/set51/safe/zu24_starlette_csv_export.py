"""CSV export of instrument run measurements (Starlette).

GET /export/{table}.csv?run=R2024-118&cols=ts,temperature,od600
"""
import csv
import io
import re
import sqlite3

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

DB_PATH = "/srv/runs/measurements.sqlite"
TABLE_COLUMNS = {
    "bioreactor": ("ts", "temperature", "ph", "do2", "stirrer_rpm"),
    "plate_reader": ("ts", "well", "od600", "fluorescence"),
    "balance": ("ts", "mass_g", "operator"),
}
RUN_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def export_query(table: str, columns: list, run_id: str) -> str:
    allowed = TABLE_COLUMNS[table]
    picked = [c for c in columns if c in allowed] or list(allowed)
    cols = ", ".join(picked)
    return f"SELECT {cols} FROM {table} WHERE run_id = ? ORDER BY ts"


def rows_as_csv(cursor) -> io.StringIO:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([d[0] for d in cursor.description])
    writer.writerows(cursor.fetchall())
    buf.seek(0)
    return buf


async def export_csv(request):
    table = request.path_params["table"]
    columns = [c.strip() for c in request.query_params.get("cols", "").split(",") if c.strip()]
    run_id = request.query_params.get("run", "")
    if not run_id or not RUN_ID_RE.match(run_id):
        return PlainTextResponse("valid run parameter required", status_code=400)
    if table not in TABLE_COLUMNS:
        return PlainTextResponse("unknown table", status_code=404)

    sql = export_query(table, columns, run_id)
    conn = sqlite3.connect(DB_PATH)
    try:
        cursor = conn.execute(sql, (run_id,))
        buf = rows_as_csv(cursor)
    except sqlite3.Error as exc:
        return PlainTextResponse(f"export failed: {exc}", status_code=400)
    finally:
        conn.close()

    filename = f"{table}_{run_id}.csv"
    return StreamingResponse(
        iter([buf.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def tables(request):
    return PlainTextResponse("\n".join(sorted(TABLE_COLUMNS)))


app = Starlette(routes=[
    Route("/export/{table}.csv", export_csv),
    Route("/tables", tables),
])
