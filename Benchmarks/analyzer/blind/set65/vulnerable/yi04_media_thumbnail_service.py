"""Thumbnail generation service for the video platform."""
import logging
import os
import subprocess
import tempfile
import uuid

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("thumbs")
app = FastAPI(title="thumbnailer")

THUMB_DIR = os.environ.get("THUMB_DIR", "/srv/media/thumbs")
MAX_SOURCE_BYTES = 2 * 1024 ** 3


class ThumbnailRequest(BaseModel):
    source_url: str
    at: str = "00:00:05"
    width: int = 640


def download_source(url: str, dest_dir: str) -> str:
    local = os.path.join(dest_dir, "source.bin")
    with requests.get(url, stream=True, timeout=30) as resp:  # VULN flow
        resp.raise_for_status()
        written = 0
        with open(local, "wb") as fh:
            for chunk in resp.iter_content(1 << 20):
                written += len(chunk)
                if written > MAX_SOURCE_BYTES:
                    raise HTTPException(413, "source too large")
                fh.write(chunk)
    return local


def grab_frame(src: str, at: str, width: int, out_path: str) -> None:
    cmd = (
        f"ffmpeg -hide_banner -loglevel error -y -ss {at} -i {src} "
        f"-frames:v 1 -vf scale={width}:-2 {out_path}"
    )
    subprocess.run(cmd, shell=True, check=True, timeout=120)  # VULN flow


@app.post("/thumbnails")
def create_thumbnail(req: ThumbnailRequest):
    if not 64 <= req.width <= 1920:
        raise HTTPException(422, "width out of range")
    out_path = os.path.join(THUMB_DIR, f"{uuid.uuid4().hex}.jpg")
    with tempfile.TemporaryDirectory(prefix="thumb-") as tmp:
        try:
            src = download_source(req.source_url, tmp)
            grab_frame(src, req.at, req.width, out_path)
        except requests.RequestException as exc:
            log.warning("source download failed: %s", type(exc).__name__)
            raise HTTPException(502, "could not fetch source")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise HTTPException(500, "ffmpeg failed")
    return {"thumbnail": os.path.basename(out_path)}


@app.get("/healthz")
def healthz():
    return {"ok": os.path.isdir(THUMB_DIR)}
