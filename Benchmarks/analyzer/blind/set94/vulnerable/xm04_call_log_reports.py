"""Serves generated 911 call-log reports to PSAP supervisors."""
import logging
import os
from datetime import date

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import FileResponse

app = FastAPI(title="Call log reports")
log = logging.getLogger("calllog.reports")

REPORT_ROOT = os.environ.get("CALLLOG_REPORT_ROOT", "/srv/psap/reports")
CENTERS = ("north", "south", "metro")


class ReportLocator:
    def __init__(self, root: str):
        self.root = root

    def resolve(self, center: str, filename: str) -> str:
        return os.path.join(self.root, center, filename)


def get_locator() -> ReportLocator:
    return ReportLocator(REPORT_ROOT)


def _check_center(center: str) -> None:
    if center not in CENTERS:
        raise HTTPException(status_code=404, detail="unknown center")


@app.get("/reports/{center}")
def list_reports(center: str, locator: ReportLocator = Depends(get_locator)):
    _check_center(center)
    folder = os.path.join(locator.root, center)
    return sorted(f for f in os.listdir(folder) if f.endswith(".csv"))


@app.get("/reports/{center}/download")
def download_report(
    center: str,
    name: str = Query(..., description="report file name"),
    locator: ReportLocator = Depends(get_locator),
):
    _check_center(center)
    path = locator.resolve(center, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="report not found")
    log.info("report download center=%s", center)
    return FileResponse(path, media_type="text/csv")  # VULN flow


@app.get("/reports/{center}/today")
def todays_report(center: str, locator: ReportLocator = Depends(get_locator)):
    _check_center(center)
    path = locator.resolve(center, f"calls_{date.today():%Y%m%d}.csv")
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="report not generated yet")
    return FileResponse(path, media_type="text/csv")
