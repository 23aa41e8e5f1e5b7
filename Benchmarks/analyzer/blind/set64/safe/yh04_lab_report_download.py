"""Download service for lab instrument reports (HPLC, GC, KF titrators).

Reports are written by the instrument PCs into a shared folder tree:
    /data/lab-reports/<instrument_id>/<report file>
"""
import logging
import os
from typing import List

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse

from .auth import require_lab_user

REPORT_ROOT = os.path.realpath(os.environ.get("LAB_REPORT_ROOT", "/data/lab-reports"))
ALLOWED_SUFFIXES = (".pdf", ".csv", ".txt", ".cdf")
INSTRUMENTS = frozenset(
    os.environ.get("LAB_INSTRUMENTS", "hplc01,hplc02,gc01,kf01,kf02").split(",")
)

router = APIRouter(prefix="/lab/reports", tags=["lab"])
log = logging.getLogger("lab.reports")


def instrument_dir(instrument_id: str) -> str:
    if instrument_id not in INSTRUMENTS:
        raise HTTPException(status_code=404, detail="unknown instrument")
    folder = os.path.realpath(os.path.join(REPORT_ROOT, instrument_id))
    if os.path.commonpath([folder, REPORT_ROOT]) != REPORT_ROOT:
        raise HTTPException(status_code=404, detail="unknown instrument")
    return folder


def resolve_report(instrument_id: str, filename: str) -> str:
    base = instrument_dir(instrument_id)
    path = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([path, base]) != base:
        raise HTTPException(status_code=404, detail="report not found")
    if not path.lower().endswith(ALLOWED_SUFFIXES):
        raise HTTPException(status_code=400, detail="unsupported report type")
    return path


@router.get("/{instrument_id}")
def list_reports(instrument_id: str, user=Depends(require_lab_user)) -> List[str]:
    folder = instrument_dir(instrument_id)
    if not os.path.isdir(folder):
        raise HTTPException(status_code=404, detail="unknown instrument")
    return sorted(
        f for f in os.listdir(folder) if f.lower().endswith(ALLOWED_SUFFIXES)
    )


@router.get("/{instrument_id}/file")
def download_report(instrument_id: str, name: str, user=Depends(require_lab_user)):
    report_path = resolve_report(instrument_id, name)
    if not os.path.isfile(report_path):
        raise HTTPException(status_code=404, detail="report not found")
    log.info("user %r downloading %r", user.username, report_path)
    return FileResponse(report_path, filename=os.path.basename(report_path))
