"""Telematics log download API used by the workshop service-tool app.

TCUs upload rolling CAN/modem logs which land in LOG_ROOT/<VIN>/. Workshop
technicians pull individual files through this endpoint.
"""
import gzip
import io
import logging
import os
import re

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import StreamingResponse

app = FastAPI(title="telematics-logs")
log = logging.getLogger("telematics.logs")

LOG_ROOT = os.environ.get("TCU_LOG_ROOT", "/data/tcu-logs")
API_TOKENS = set(filter(None, os.environ.get("SERVICE_TOOL_TOKENS", "").split(",")))
VIN_RE = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")


def require_token(x_api_token: str = Header(...)) -> str:
    if x_api_token not in API_TOKENS:
        raise HTTPException(status_code=401, detail="invalid token")
    return x_api_token


def check_vin(vin: str) -> str:
    vin = vin.upper()
    if not VIN_RE.match(vin):
        raise HTTPException(status_code=400, detail="malformed VIN")
    return vin


class LogLocator:
    def __init__(self, root: str):
        self.root = root

    def path_for(self, vin: str, name: str) -> str:
        return os.path.join(self.root, vin, name)

    def open(self, vin: str, name: str):
        path = self.path_for(vin, name)
        if not os.path.isfile(path):
            raise FileNotFoundError(path)
        return open(path, "rb")  # VULN flow


locator = LogLocator(LOG_ROOT)


@app.get("/vehicles/{vin}/logs")
def list_logs(vin: str, _: str = Depends(require_token)):
    vin = check_vin(vin)
    d = os.path.join(LOG_ROOT, vin)
    if not os.path.isdir(d):
        raise HTTPException(status_code=404)
    return {"vin": vin, "files": sorted(os.listdir(d))}


@app.get("/vehicles/{vin}/logs/download")
def download_log(
    vin: str,
    name: str = Query(..., description="file name as returned by /logs"),
    gz: bool = False,
    _: str = Depends(require_token),
):
    vin = check_vin(vin)
    try:
        fh = locator.open(vin, name)
    except FileNotFoundError:
        raise HTTPException(status_code=404, detail="no such log")
    with fh:
        data = fh.read()
    media = "application/octet-stream"
    if gz:
        data = gzip.compress(data)
        media = "application/gzip"
    log.info("service tool downloaded %r for %s (%d bytes)", name, vin, len(data))
    headers = {"Content-Disposition": 'attachment; filename="%s"' % os.path.basename(name)}
    return StreamingResponse(io.BytesIO(data), media_type=media, headers=headers)
