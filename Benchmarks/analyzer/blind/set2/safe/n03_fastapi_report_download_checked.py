import os
import re
from pathlib import Path as FsPath

from fastapi import FastAPI, HTTPException, Path
from fastapi.responses import FileResponse

app = FastAPI()
REPORT_ROOT = FsPath(os.environ.get("REPORT_ROOT", "/srv/reports")).resolve()
TENANT_RE = re.compile(r"^[a-z0-9-]{1,32}$")


def locate(tenant, filename):
    if not TENANT_RE.fullmatch(tenant):
        raise HTTPException(status_code=404, detail="report not found")
    tenant_root = (REPORT_ROOT / tenant).resolve()
    candidate = (tenant_root / filename).resolve()
    if not candidate.is_relative_to(tenant_root):
        raise HTTPException(status_code=404, detail="report not found")
    return candidate


@app.get("/reports/{tenant}/{filename:path}")
async def download_report(tenant: str = Path(...), filename: str = Path(...)):
    location = locate(tenant, filename)
    if not location.is_file():
        raise HTTPException(status_code=404, detail="report not found")
    return FileResponse(location, filename=location.name)
