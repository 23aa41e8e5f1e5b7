"""Celery tasks for the media pipeline: transcoding uploaded clips."""
import json
import logging
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field

from celery import Celery

logger = logging.getLogger("media.transcode")

app = Celery("media", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))

UPLOAD_ROOT = "/srv/media/uploads"
OUTPUT_ROOT = "/srv/media/out"

PRESETS = {
    "720p": ["-vf", "scale=-2:720", "-c:v", "libx264", "-crf", "23"],
    "1080p": ["-vf", "scale=-2:1080", "-c:v", "libx264", "-crf", "21"],
    "audio": ["-vn", "-c:a", "aac", "-b:a", "128k"],
}
_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}\.(mp4|m4a|webm)$")


class JobValidationError(ValueError):
    pass


def _contained(root: str, relative: str) -> str:
    candidate = os.path.realpath(os.path.join(root, relative))
    if os.path.commonpath([candidate, os.path.realpath(root)]) != os.path.realpath(root):
        raise JobValidationError("path escapes storage root")
    return candidate


@dataclass
class TranscodeJob:
    job_id: str
    source_path: str
    output_name: str
    preset: str = "720p"
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_payload(cls, payload: dict) -> "TranscodeJob":
        return cls(
            job_id=str(payload["id"]),
            source_path=payload["source"],
            output_name=payload.get("output", "out.mp4"),
            preset=payload.get("preset", "720p"),
            extra=payload.get("extra", {}),
        )


class FfmpegRunner:
    def __init__(self, binary: str = "ffmpeg", workdir: str = OUTPUT_ROOT):
        self.binary = binary
        self.workdir = workdir

    def build_command(self, job: TranscodeJob) -> list:
        if job.preset not in PRESETS:
            raise JobValidationError(f"unknown preset {job.preset!r}")
        if not _NAME_RE.fullmatch(job.output_name):
            raise JobValidationError("invalid output name")
        source = _contained(UPLOAD_ROOT, job.source_path)
        target = os.path.join(self.workdir, job.output_name)
        return [self.binary, "-y", "-i", source, *PRESETS[job.preset], target]

    def run(self, job: TranscodeJob) -> int:
        command = self.build_command(job)
        logger.info("running transcode job=%r", job.job_id)
        proc = subprocess.run(command, capture_output=True, timeout=3600)
        if proc.returncode != 0:
            logger.error("ffmpeg failed for job=%r: %r", job.job_id, proc.stderr[-500:])
        return proc.returncode


def write_progress_file(job_id: str, state: str) -> str:
    fd, path = tempfile.mkstemp(prefix="transcode-", suffix=".json")
    with os.fdopen(fd, "w") as fh:
        json.dump({"job": job_id, "state": state}, fh)
    return path


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def transcode_clip(self, payload: dict) -> dict:
    job = TranscodeJob.from_payload(payload)
    progress = write_progress_file(job.job_id, "started")
    runner = FfmpegRunner()
    try:
        code = runner.run(job)
    except subprocess.TimeoutExpired as exc:
        logger.warning("transcode timed out job=%r", job.job_id)
        raise self.retry(exc=exc)
    write_progress_file(job.job_id, "done" if code == 0 else "failed")
    return {"job": job.job_id, "exit_code": code, "progress_file": progress}
