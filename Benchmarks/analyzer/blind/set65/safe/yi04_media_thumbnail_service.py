"""Thumbnail generation service for the video platform."""
import logging
import os
import re
import subprocess
import tempfile
import uuid
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("thumbs")
app = FastAPI(title="thumbnailer")

THUMB_DIR = os.environ.get("THUMB_DIR", "/srv/media/thumbs")
MAX_SOURCE_BYTES = 2 * 1024 ** 3
SOURCE_HOSTS = {"ingest.media.example.com", "uploads.media.example.com"}
TIMESTAMP_RE = re.compile(r"\d{2}:[0-5]\d:[0-5]\d(\.\d{1,3})?")


class ThumbnailRequest(BaseModel):
    source_url: str
    at: str = "00:00:05"
    width: int = 640


def download_source(url: str, dest_dir: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in SOURCE_HOSTS:
        raise HTTPException(422, "source must be on the ingest storage")
    local = os.path.join(dest_dir, "source.bin")
    with requests.get(url, stream=True, timeout=30, allow_redirects=False) as resp:
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
    if not TIMESTAMP_RE.fullmatch(at):
        raise HTTPException(422, "bad timestamp")
    cmd = [
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-ss", at, "-i", src,
        "-frames:v", "1", "-vf", f"scale={int(width)}:-2", out_path,
    ]
    subprocess.run(cmd, check=True, timeout=120)


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
