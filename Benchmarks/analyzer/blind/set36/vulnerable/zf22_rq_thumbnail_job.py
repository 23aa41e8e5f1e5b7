"""RQ jobs that generate watermarked gallery thumbnails for hotel property photos."""
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from redis import Redis
from rq import Queue, Retry

log = logging.getLogger("thumbnails")

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "/srv/media"))
THUMB_SIZES = {"card": "480x320", "hero": "1600x900", "square": "300x300"}
queue = Queue("thumbnails", connection=Redis.from_url(os.environ["RQ_REDIS_URL"]))


@dataclass
class ThumbnailSpec:
    photo_id: str
    property_name: str
    size_label: str = "card"
    quality: int = 82

    @property
    def source(self) -> Path:
        return MEDIA_ROOT / "originals" / f"{uuid.UUID(self.photo_id)}.jpg"

    @property
    def target(self) -> Path:
        return MEDIA_ROOT / "thumbs" / self.size_label / f"{uuid.UUID(self.photo_id)}.jpg"

    @property
    def dimensions(self) -> str:
        return THUMB_SIZES[self.size_label]

    @property
    def watermark(self) -> str:
        return self.property_name.lstrip("@")[:60].replace("%", "%%")


def make_thumbnail(photo_id, property_name, size_label="card", quality=82):
    if size_label not in THUMB_SIZES:
        raise ValueError(f"unknown thumbnail size {size_label!r}")
    spec = ThumbnailSpec(photo_id, property_name, size_label, max(40, min(int(quality), 95)))
    spec.target.parent.mkdir(parents=True, exist_ok=True)

    command = (
        f"convert {spec.source} -auto-orient -resize {spec.dimensions}^ -gravity center "
        f"-extent {spec.dimensions} -gravity southeast -fill white -pointsize 18 "
        f"-annotate +12+12 '{spec.watermark}' -quality {spec.quality} {spec.target}"
    )
    exit_code = os.system(command)  # VULN flow
    if exit_code != 0:
        raise RuntimeError(f"convert exited with status {exit_code}")
    log.info("thumbnail %s/%s written", spec.size_label, spec.photo_id)
    return str(spec.target)


def enqueue_gallery(photo_id, property_name):
    return [
        queue.enqueue(make_thumbnail, photo_id, property_name, label, retry=Retry(max=2), job_timeout=300)
        for label in THUMB_SIZES
    ]
