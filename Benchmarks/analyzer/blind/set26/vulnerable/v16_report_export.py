"""Starlette service that exports saved reports as CSV or JSON downloads."""
import csv
import io
import json

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

REPORTS = {
    "weekly-sales": [
        {"region": "north", "units": 1204, "revenue": 48100.0},
        {"region": "south", "units": 987, "revenue": 39250.5},
    ],
    "returns": [{"region": "north", "units": 33, "revenue": -1320.0}],
}
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}


def render_rows(rows, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(rows, indent=2).encode("utf-8")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else [])
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def download_name(title: str, fmt: str) -> str:
    base = title.strip() or "report"
    return f"{base}.{fmt}"


async def export_report(request: Request) -> Response:
    report_id = request.path_params["report_id"]
    rows = REPORTS.get(report_id)
    if rows is None:
        raise HTTPException(status_code=404)
    fmt = request.query_params.get("format", "csv")
    if fmt not in MEDIA_TYPES:
        raise HTTPException(status_code=400, detail="format must be csv or json")
    filename = download_name(request.query_params.get("title", report_id), fmt)
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }
    return Response(render_rows(rows, fmt), media_type=MEDIA_TYPES[fmt], headers=headers)  # VULN flow


async def list_reports(request: Request) -> Response:
    return Response(json.dumps(sorted(REPORTS)), media_type="application/json")


app = Starlette(
    routes=[
        Route("/reports", list_reports),
        Route("/reports/{report_id}/export", export_report),
    ]
)
