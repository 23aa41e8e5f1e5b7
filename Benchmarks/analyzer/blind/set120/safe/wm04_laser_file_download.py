"""Laser-cutter job file service.

The laser PC and the member portal both fetch cut files (SVG/DXF/PDF)
from here. Authentication happens at the gateway, which forwards the
member id in X-Member-Id.
"""
import logging
import os
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, Header, HTTPException
from fastapi.responses import FileResponse

log = logging.getLogger("laserfiles")
app = FastAPI()

LASER_ROOT = Path(os.environ.get("LASER_FILES", "/srv/laser/jobs"))
ALLOWED_SUFFIXES = {".svg", ".dxf", ".pdf", ".lbrn2"}


def member_dir(member_id: int) -> Path:
    return LASER_ROOT / str(member_id)


def require_owner(member_id: int, header_value: Optional[str]) -> None:
    if header_value is None or header_value != str(member_id):
        raise HTTPException(status_code=403, detail="not your files")


def resolve_member_file(member_id: int, filename: str) -> Path:
    base = member_dir(member_id).resolve()
    target = (base / filename).resolve()
    if not target.is_relative_to(base):
        raise HTTPException(status_code=404, detail="no such file")
    return target


@app.get("/laser/{member_id}/files")
def list_files(member_id: int, x_member_id: Optional[str] = Header(default=None)):
    require_owner(member_id, x_member_id)
    base = member_dir(member_id)
    if not base.is_dir():
        return {"files": []}
    files = sorted(p.name for p in base.iterdir() if p.suffix.lower() in ALLOWED_SUFFIXES)
    return {"files": files}


@app.get("/laser/{member_id}/files/{filename:path}")
def download_file(
    member_id: int,
    filename: str,
    x_member_id: Optional[str] = Header(default=None),
):
    require_owner(member_id, x_member_id)
    target = resolve_member_file(member_id, filename)
    if target.suffix.lower() not in ALLOWED_SUFFIXES:
        raise HTTPException(status_code=415, detail="unsupported file type")
    if not target.is_file():
        raise HTTPException(status_code=404, detail="no such file")
    log.info("member %r downloading %r", member_id, filename)
    return FileResponse(target, filename=target.name)
