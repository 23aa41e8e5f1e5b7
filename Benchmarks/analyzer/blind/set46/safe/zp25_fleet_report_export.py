"""Export service for ad-hoc fleet utilisation reports.

Analysts request an aggregation and a file name; the CSV lands in the shared
exports folder that is synced to the BI team's drive.
"""
import logging
import os
import re
from datetime import date
from typing import List, Optional

import pandas as pd
from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from pydantic import BaseModel

log = logging.getLogger("report-export")
app = FastAPI(title="fleet-report-export")

EXPORT_DIR = os.path.realpath(os.environ.get("EXPORT_DIR", "/srv/shared/exports"))
SOURCE = os.environ.get("UTILISATION_PARQUET", "/srv/warehouse/utilisation.parquet")
GROUPABLE = {"depot", "vehicle_type", "week", "driver_team"}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")


class ExportRequest(BaseModel):
    filename: str
    group_by: List[str] = ["depot"]
    start: Optional[date] = None
    end: Optional[date] = None


def build_report(req: ExportRequest) -> pd.DataFrame:
    bad = set(req.group_by) - GROUPABLE
    if bad:
        raise HTTPException(status_code=400, detail=f"cannot group by {sorted(bad)}")
    df = pd.read_parquet(SOURCE)
    if req.start:
        df = df[df["day"] >= pd.Timestamp(req.start)]
    if req.end:
        df = df[df["day"] <= pd.Timestamp(req.end)]
    agg = df.groupby(req.group_by).agg(
        km=("km", "sum"), hours=("engine_hours", "sum"), stops=("stops", "sum")
    )
    agg["km_per_hour"] = (agg["km"] / agg["hours"]).round(2)
    return agg.reset_index()


def export_path(filename: str) -> str:
    if not NAME_RE.match(filename):
        raise HTTPException(status_code=400, detail="invalid file name")
    if not filename.endswith(".csv"):
        filename += ".csv"
    target = os.path.realpath(os.path.join(EXPORT_DIR, filename))
    if os.path.commonpath([EXPORT_DIR, target]) != EXPORT_DIR:
        raise HTTPException(status_code=400, detail="invalid file name")
    return target


@app.post("/exports", status_code=201)
def create_export(req: ExportRequest):
    report = build_report(req)
    target = export_path(req.filename)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    report.to_csv(target, index=False)
    log.info("wrote %d rows to %r", len(report), target)
    return {"path": os.path.relpath(target, EXPORT_DIR), "rows": len(report)}


@app.get("/exports/{name}")
def download_export(name: str):
    target = export_path(name)
    if not os.path.exists(target):
        raise HTTPException(status_code=404, detail="no such export")
    return FileResponse(target, media_type="text/csv")
