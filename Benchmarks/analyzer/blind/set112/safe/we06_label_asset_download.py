"""Label artwork service used by distributors to download approved label files."""
import logging
import mimetypes
import os
import re
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

log = logging.getLogger("labels")
app = FastAPI(title="Label assets")

LABEL_ROOT = Path(os.environ.get("LABEL_ROOT", "/srv/labels"))
SKU_RE = re.compile(r"^[A-Z]{2,4}-\d{3,6}$")


def check_sku(sku: str) -> str:
    if not SKU_RE.match(sku):
        raise HTTPException(status_code=400, detail="invalid sku")
    return sku


def asset_path(sku: str, filename: str) -> str:
    root = os.path.realpath(LABEL_ROOT / sku)
    candidate = os.path.realpath(os.path.join(root, filename))
    if os.path.commonpath([root, candidate]) != root:
        raise HTTPException(status_code=404, detail="not found")
    return candidate


@app.get("/labels/{sku}")
async def list_labels(sku: str):
    folder = LABEL_ROOT / check_sku(sku)
    if not folder.is_dir():
        raise HTTPException(status_code=404, detail="no artwork for sku")
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    return {"sku": sku, "files": files}


@app.get("/labels/{sku}/{filename:path}")
async def download_label(sku: str, filename: str):
    path = asset_path(check_sku(sku), filename)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="not found")
    media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    log.info("label download sku=%s size=%d", sku, os.path.getsize(path))
    return FileResponse(path, media_type=media_type)


@app.get("/healthz")
async def healthz():
    return {"ok": LABEL_ROOT.is_dir()}
