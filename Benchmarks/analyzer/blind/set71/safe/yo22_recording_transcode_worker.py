"""Celery tasks that transcode raw meeting recordings for playback.

The conferencing UI lets the host pick an output resolution and trim
points before publishing the recording to the meeting space.
"""
import logging
import os
import re
import subprocess
from dataclasses import dataclass

from celery import Celery

app = Celery("transcode", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/2"))
log = logging.getLogger("transcode")

RAW_DIR = "/var/lib/confmedia/raw"
OUT_DIR = "/var/lib/confmedia/published"
PRESETS = {"720p": "1280:720", "1080p": "1920:1080", "480p": "854:480"}
TIMESTAMP_RE = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d{1,3})?$")


@dataclass
class TranscodeJob:
    recording_id: int
    resolution: str = "720p"
    trim_start: str = "00:00:00"
    trim_end: str = ""
    title: str = ""

    @classmethod
    def from_request(cls, data: dict) -> "TranscodeJob":
        job = cls(
            recording_id=int(data["recording_id"]),
            resolution=data.get("resolution", "720p"),
            trim_start=data.get("trim_start", "00:00:00"),
            trim_end=data.get("trim_end", ""),
            title=data.get("title", ""),
        )
        if job.resolution not in PRESETS:
            raise ValueError("unsupported resolution")
        for ts in (job.trim_start, job.trim_end):
            if ts and not TIMESTAMP_RE.match(ts):
                raise ValueError("bad trim timestamp")
        return job


def ffmpeg_args(job: TranscodeJob, src: str, dst: str) -> list:
    scale = PRESETS[job.resolution]
    parts = ["ffmpeg", "-y", "-loglevel", "error", "-ss", job.trim_start]
    if job.trim_end:
        parts += ["-to", job.trim_end]
    parts += ["-i", src, "-vf", f"scale={scale}", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac"]
    if job.title:
        parts += ["-metadata", f"title={job.title}"]
    parts.append(dst)
    return parts


@app.task(bind=True, max_retries=2)
def transcode(self, payload: dict):
    job = TranscodeJob.from_request(payload)
    src = os.path.join(RAW_DIR, f"{job.recording_id}.mkv")
    dst = os.path.join(OUT_DIR, f"{job.recording_id}-{job.resolution}.mp4")
    if not os.path.exists(src):
        log.error("raw recording %d missing", job.recording_id)
        return {"ok": False, "error": "missing source"}
    cmdline = ffmpeg_args(job, src, dst)
    status = subprocess.call(cmdline)
    if status != 0:
        log.warning("ffmpeg exit status %d for recording %d", status, job.recording_id)
        raise self.retry(countdown=30)
    return {"ok": True, "output": dst}
