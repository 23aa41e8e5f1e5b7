"""Celery tasks that transcode raw meeting recordings for playback.

The conferencing UI lets the host pick an output resolution and trim
points before publishing the recording to the meeting space.
"""
import logging
import os
from dataclasses import dataclass

from celery import Celery

app = Celery("transcode", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/2"))
log = logging.getLogger("transcode")

RAW_DIR = "/var/lib/confmedia/raw"
OUT_DIR = "/var/lib/confmedia/published"
PRESETS = {"720p": "1280:720", "1080p": "1920:1080", "480p": "854:480"}


@dataclass
class TranscodeJob:
    recording_id: int
    resolution: str = "720p"
    trim_start: str = "00:00:00"
    trim_end: str = ""
    title: str = ""

    @classmethod
    def from_request(cls, data: dict) -> "TranscodeJob":
        return cls(
            recording_id=int(data["recording_id"]),
            resolution=data.get("resolution", "720p"),
            trim_start=data.get("trim_start", "00:00:00"),
            trim_end=data.get("trim_end", ""),
            title=data.get("title", ""),
        )


def ffmpeg_args(job: TranscodeJob, src: str, dst: str) -> str:
    scale = PRESETS.get(job.resolution, job.resolution)
    parts = ["ffmpeg -y -loglevel error", f"-ss {job.trim_start}"]
    if job.trim_end:
        parts.append(f"-to {job.trim_end}")
    parts += [f"-i {src}", f"-vf scale={scale}", "-c:v libx264 -preset veryfast -c:a aac"]
    if job.title:
        parts.append(f'-metadata title="{job.title}"')
    parts.append(dst)
    return " ".join(parts)


@app.task(bind=True, max_retries=2)
def transcode(self, payload: dict):
    job = TranscodeJob.from_request(payload)
    src = os.path.join(RAW_DIR, f"{job.recording_id}.mkv")
    dst = os.path.join(OUT_DIR, f"{job.recording_id}-{job.resolution}.mp4")
    if not os.path.exists(src):
        log.error("raw recording %d missing", job.recording_id)
        return {"ok": False, "error": "missing source"}
    cmdline = ffmpeg_args(job, src, dst)
    status = os.system(cmdline)  # VULN flow
    if status != 0:
        log.warning("ffmpeg exit status %d for recording %d", status, job.recording_id)
        raise self.retry(countdown=30)
    return {"ok": True, "output": dst}
