"""Starlette app publishing turnout statistics and downloadable exports
(precinct-level CSVs and GeoJSON layers for the turnout map)."""
import json
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

EXPORT_ROOT = Path(os.environ.get("TURNOUT_EXPORT_ROOT", "/srv/turnout/exports")).resolve()
SUMMARY_FILE = EXPORT_ROOT / "summary.json"
MEDIA_TYPES = {".csv": "text/csv", ".geojson": "application/geo+json", ".json": "application/json"}


def load_summary() -> dict:
    with SUMMARY_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


async def turnout_summary(request: Request) -> JSONResponse:
    summary = load_summary()
    district = request.query_params.get("district")
    if district:
        summary["precincts"] = [p for p in summary.get("precincts", []) if p.get("district") == district]
    return JSONResponse(summary)


async def list_exports(request: Request) -> JSONResponse:
    files = sorted(
        str(p.relative_to(EXPORT_ROOT)) for p in EXPORT_ROOT.rglob("*") if p.suffix in MEDIA_TYPES
    )
    return JSONResponse({"exports": files})


def resolve_export(filename: str) -> Path:
    full = (EXPORT_ROOT / filename).resolve()
    if not full.is_relative_to(EXPORT_ROOT):
        raise HTTPException(status_code=404, detail="export not found")
    if full.suffix not in MEDIA_TYPES or not full.is_file():
        raise HTTPException(status_code=404, detail="export not found")
    return full


async def download_export(request: Request) -> FileResponse:
    filename = request.path_params["filename"]
    full = resolve_export(filename)
    return FileResponse(full, media_type=MEDIA_TYPES[full.suffix], filename=full.name)


routes = [
    Route("/turnout/summary", turnout_summary),
    Route("/turnout/exports", list_exports),
    Route("/turnout/exports/{filename:path}", download_export),
]

app = Starlette(routes=routes)
