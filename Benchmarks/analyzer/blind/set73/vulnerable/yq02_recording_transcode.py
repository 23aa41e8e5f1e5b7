"""Export call recordings to a downloadable format for QA reviewers."""
import logging
import os
import subprocess
from pathlib import Path

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("callcentre.recordings")
app = FastAPI(title="recording-export")

RECORDINGS_DIR = Path(os.environ.get("RECORDINGS_DIR", "/srv/recordings"))
EXPORT_DIR = Path(os.environ.get("EXPORT_DIR", "/srv/exports"))
FFMPEG = os.environ.get("FFMPEG_BIN", "ffmpeg")


class ExportRequest(BaseModel):
    fmt: str = "mp3"
    start: str = "0"
    duration: str = ""
    bitrate: str = "64k"


def build_ffmpeg_cmd(src: Path, dst: Path, req: ExportRequest) -> str:
    opts = ["-ss", req.start]
    if req.duration:
        opts += ["-t", req.duration]
    opts += ["-b:a", req.bitrate]
    return f"{FFMPEG} -hide_banner -y -i {src} {' '.join(opts)} {dst}"


def output_path(call_id: int, fmt: str) -> Path:
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    return EXPORT_DIR / f"call-{call_id}.{fmt}"


@app.post("/recordings/{call_id}/export")
def export_recording(call_id: int, req: ExportRequest):
    src = RECORDINGS_DIR / f"{call_id}.wav"
    if not src.exists():
        raise HTTPException(status_code=404, detail="recording not found")

    dst = output_path(call_id, req.fmt)
    cmd = build_ffmpeg_cmd(src, dst, req)
    log.info("transcoding call %d", call_id)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=300)  # VULN flow
    if proc.returncode != 0:
        log.error("ffmpeg failed for %d: %r", call_id, proc.stderr[-500:])
        raise HTTPException(status_code=500, detail="transcode failed")

    return {"call_id": call_id, "file": dst.name, "size": dst.stat().st_size}


@app.get("/recordings/{call_id}")
def recording_info(call_id: int):
    src = RECORDINGS_DIR / f"{call_id}.wav"
    if not src.exists():
        raise HTTPException(status_code=404, detail="recording not found")
    return {"call_id": call_id, "bytes": src.stat().st_size}
