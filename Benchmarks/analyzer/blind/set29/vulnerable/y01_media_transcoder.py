"""Celery tasks that produce streaming renditions of uploaded media."""
import logging
import os
import subprocess
from dataclasses import dataclass

from celery import Celery

logger = logging.getLogger(__name__)

app = Celery("transcoder", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))

MEDIA_ROOT = os.path.realpath(os.environ.get("MEDIA_ROOT", "/srv/media"))
UPLOAD_DIR = os.path.join(MEDIA_ROOT, "uploads")
PRESETS = {
    "720p": ("1280x720", "2500k"),
    "1080p": ("1920x1080", "5000k"),
    "mobile": ("640x360", "800k"),
}


def resolve_upload(name: str) -> str:
    path = os.path.realpath(os.path.join(UPLOAD_DIR, name))
    if os.path.commonpath([path, UPLOAD_DIR]) != UPLOAD_DIR:
        raise ValueError(f"source outside upload dir: {name!r}")
    return path


@dataclass
class Rendition:
    source: str
    preset: str
    title: str

    @property
    def output_path(self) -> str:
        stem, _ = os.path.splitext(os.path.basename(self.source))
        return os.path.join(MEDIA_ROOT, "renditions", f"{stem}-{self.preset}.mp4")


def build_command(rendition: Rendition) -> str:
    size, bitrate = PRESETS[rendition.preset]
    return (
        f"ffmpeg -y -i {rendition.source} -s {size} -b:v {bitrate} "
        f'-metadata title="{rendition.title}" {rendition.output_path}'
    )


@app.task(bind=True, max_retries=3)
def transcode(self, payload: dict) -> str:
    preset = payload.get("preset", "720p")
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}")
    rendition = Rendition(
        source=resolve_upload(payload["source"]),
        preset=preset,
        title=payload.get("title", "untitled"),
    )
    cmd = build_command(rendition)
    logger.info("transcoding %r with preset %r", rendition.source, preset)
    try:
        subprocess.run(cmd, shell=True, check=True, timeout=3600)  # VULN flow
    except subprocess.CalledProcessError as exc:
        raise self.retry(exc=exc, countdown=30)
    return rendition.output_path


@app.task
def probe_duration(name: str) -> float:
    source = resolve_upload(name)
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration",
         "-of", "default=noprint_wrappers=1:nokey=1", source],
        capture_output=True, text=True, check=True, timeout=60,
    )
    return float(result.stdout.strip() or 0)
