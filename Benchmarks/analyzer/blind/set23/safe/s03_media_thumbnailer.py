"""Thumbnail generation service for the media library (FastAPI)."""
import logging
import os
import re
import subprocess
import uuid

from fastapi import FastAPI, File, Form, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="thumbnailer")
log = logging.getLogger("thumbnailer")
MEDIA_DIR = os.environ.get("MEDIA_DIR", "/var/media")
WATERMARK_RE = re.compile(r"[A-Za-z0-9 .,()_-]{0,40}")


class ThumbSpec(BaseModel):
    width: int = 320
    height: int = 240
    fmt: str = "jpg"
    watermark: str = ""


class ImageMagick:
    binary = "/usr/bin/convert"

    def build_command(self, src: str, dst: str, spec: ThumbSpec) -> list:
        cmd = [self.binary, src, "-resize", f"{spec.width}x{spec.height}"]
        if spec.watermark:
            cmd += ["-gravity", "southeast", "-annotate", "+10+10", spec.watermark]
        return cmd + [dst]

    def run(self, src: str, dst: str, spec: ThumbSpec) -> None:
        command = self.build_command(src, dst, spec)
        proc = subprocess.run(command, shell=False, capture_output=True, timeout=60)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode(errors="replace"))


@app.post("/thumbnails")
async def create_thumbnail(
    image: UploadFile = File(...),
    width: int = Form(320),
    height: int = Form(240),
    fmt: str = Form("jpg"),
    watermark: str = Form(""),
):
    if fmt not in {"jpg", "png", "webp"}:
        raise HTTPException(status_code=400, detail="unsupported format")
    if not (16 <= width <= 2048 and 16 <= height <= 2048):
        raise HTTPException(status_code=400, detail="bad dimensions")
    if not WATERMARK_RE.fullmatch(watermark):
        raise HTTPException(status_code=400, detail="watermark contains unsupported characters")
    spec = ThumbSpec(width=width, height=height, fmt=fmt, watermark=watermark)
    token = uuid.uuid4().hex
    src = os.path.join(MEDIA_DIR, "incoming", f"{token}.bin")
    dst = os.path.join(MEDIA_DIR, "thumbs", f"{token}.{spec.fmt}")
    with open(src, "wb") as fh:
        fh.write(await image.read())
    try:
        ImageMagick().run(src, dst, spec)
    except RuntimeError as exc:
        log.warning("convert failed for %r: %r", token, exc)
        raise HTTPException(status_code=422, detail="could not render thumbnail")
    finally:
        os.remove(src)
    return {"thumbnail": f"/media/thumbs/{token}.{spec.fmt}"}
