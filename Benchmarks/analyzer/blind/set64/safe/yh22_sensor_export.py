"""CSV export of environmental sensor data for the QA cleanroom reports.

Starlette endpoint; the QA portal lets the user choose the sensor table
(particle counters, differential pressure, temperature/humidity), the sort
column and the time window.
"""
import csv
import io
import logging

import asyncpg
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

log = logging.getLogger("qa.export")

DSN = "postgresql://qa_reader@qadb.plant.local/cleanroom"
TABLES = {"particles": "sensor_particles", "dp": "sensor_dp", "th": "sensor_temp_humidity"}
SORT_COLUMNS = {"ts": "ts", "room": "room", "sensor": "sensor_id", "value": "value"}


def build_query(table, order_by, direction):
    direction = "DESC" if direction.lower() == "desc" else "ASC"
    column = SORT_COLUMNS.get(order_by, "ts")
    return (
        "SELECT room, sensor_id, ts, value, unit FROM %s "
        "WHERE ts BETWEEN $1 AND $2 ORDER BY %s %s" % (table, column, direction)
    )


async def export_csv(request):
    params = request.query_params
    kind = params.get("kind", "particles")
    table = TABLES.get(kind)
    if table is None:
        return PlainTextResponse("unknown sensor kind", status_code=400)
    order_by = params.get("sort", "ts")
    query = build_query(table, order_by, params.get("dir", "asc"))

    conn = await asyncpg.connect(DSN)
    try:
        rows = await conn.fetch(query, params.get("from"), params.get("to"))
    except asyncpg.PostgresError as exc:
        log.warning("export query failed: %r", exc)
        return PlainTextResponse("query failed", status_code=400)
    finally:
        await conn.close()

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["room", "sensor_id", "ts", "value", "unit"])
    for r in rows:
        writer.writerow([r["room"], r["sensor_id"], r["ts"].isoformat(), r["value"], r["unit"]])
    buf.seek(0)
    filename = "%s_export.csv" % kind
    return StreamingResponse(
        iter([buf.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": "attachment; filename=%s" % filename},
    )


app = Starlette(routes=[Route("/qa/sensors/export.csv", export_csv)])
