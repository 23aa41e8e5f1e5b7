"""CSV export of instrument run measurements (Starlette).

GET /export/{table}.csv?run=R2024-118&cols=ts,temperature,od600
"""
import csv
import io
import sqlite3

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

DB_PATH = "/srv/runs/measurements.sqlite"


def export_query(table: str, columns: list, run_id: str) -> str:
    cols = ", ".join(columns) if columns else "*"
    return f"SELECT {cols} FROM {table} WHERE run_id = '{run_id}' ORDER BY ts"


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
    if not run_id:
        return PlainTextResponse("run parameter required", status_code=400)

    sql = export_query(table, columns, run_id)
    conn = sqlite3.connect(DB_PATH)
    try:
        cursor = conn.execute(sql)  # VULN flow
        buf = rows_as_csv(cursor)
    except sqlite3.Error as exc:
        return PlainTextResponse(f"export failed: {exc}", status_code=400)
    finally:
        conn.close()

    filename = f"{table}_{run_id}.csv".replace('"', "")
    return StreamingResponse(
        iter([buf.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def tables(request):
    conn = sqlite3.connect(DB_PATH)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        conn.close()
    return PlainTextResponse("\n".join(names))


app = Starlette(routes=[
    Route("/export/{table}.csv", export_csv),
    Route("/tables", tables),
])
