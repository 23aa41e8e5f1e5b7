"""Monthly intake/outcome report downloads for the county animal services portal."""
import logging
import os
import re
import secrets

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse

REPORT_ROOT = os.environ.get("REPORT_ROOT", "/var/lib/shelter/reports")
STAFF_TOKEN = os.environ.get("REPORTS_STAFF_TOKEN", "")
SHELTER_CODE = re.compile(r"^[a-z0-9-]{2,32}$")

app = FastAPI(title="Shelter reports")
logger = logging.getLogger("reports")


def require_staff(x_api_token: str = Header(...)) -> str:
    if not STAFF_TOKEN or not secrets.compare_digest(x_api_token, STAFF_TOKEN):
        raise HTTPException(status_code=401, detail="invalid token")
    return "staff"


def shelter_dir(shelter: str) -> str:
    if not SHELTER_CODE.match(shelter):
        raise HTTPException(status_code=404, detail="unknown shelter")
    return os.path.join(REPORT_ROOT, shelter)


def resolve_report(shelter: str, filename: str) -> str:
    return os.path.join(shelter_dir(shelter), filename)


@app.get("/reports/{shelter}")
def list_reports(shelter: str, user: str = Depends(require_staff)):
    base = shelter_dir(shelter)
    if not os.path.isdir(base):
        return {"shelter": shelter, "reports": []}
    names = sorted(n for n in os.listdir(base) if n.endswith((".pdf", ".csv")))
    return {"shelter": shelter, "reports": names}


@app.get("/reports/{shelter}/download")
def download_report(
    shelter: str,
    filename: str = Query(..., min_length=1),
    user: str = Depends(require_staff),
):
    path = resolve_report(shelter, filename)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="report not found")
    logger.info("report download shelter=%s", shelter)
    return FileResponse(path, filename=os.path.basename(path))  # VULN flow
