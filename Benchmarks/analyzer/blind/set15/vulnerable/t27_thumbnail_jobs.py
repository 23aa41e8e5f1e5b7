"""RQ background jobs that build listing thumbnails for the property portal."""
import logging
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from redis import Redis
from rq import Queue, Retry

logger = logging.getLogger("listings.thumbs")

UPLOAD_DIR = Path(os.environ.get("LISTING_UPLOADS", "/srv/listings/uploads"))
THUMB_DIR = Path(os.environ.get("LISTING_THUMBS", "/srv/listings/thumbs"))
SIZES = {"card": "480x320", "gallery": "1280x853", "hero": "1920x1080"}

redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
queue = Queue("thumbnails", connection=redis_conn)


@dataclass
class ThumbnailSpec:
    listing_id: int
    photo_name: str
    variant: str
    watermark_text: str = ""

    @property
    def source(self) -> Path:
        return UPLOAD_DIR / str(self.listing_id) / self.photo_name

    @property
    def target_dir(self) -> Path:
        return THUMB_DIR / str(self.listing_id) / self.variant


class ImageMagick:
    def __init__(self, binary: str = "convert"):
        self.binary = binary

    def command(self, spec: ThumbnailSpec, out_path: Path) -> str:
        size = SIZES[spec.variant]
        cmd = f"{self.binary} '{spec.source}' -auto-orient -thumbnail {size}^ -gravity center -extent {size}"
        if spec.watermark_text:
            cmd += f" -pointsize 18 -fill white -annotate +10+10 '{spec.watermark_text}'"
        return f"{cmd} '{out_path}'"

    def render(self, spec: ThumbnailSpec, out_path: Path) -> None:
        cmd = self.command(spec, out_path)
        result = subprocess.run(cmd, shell=True, capture_output=True, timeout=120)  # VULN flow
        if result.returncode != 0:
            raise RuntimeError(result.stderr.decode(errors="replace")[:300])


def build_thumbnail(listing_id: int, photo_name: str, variant: str, watermark_text: str = "") -> str:
    spec = ThumbnailSpec(listing_id, photo_name, variant, watermark_text)
    if spec.variant not in SIZES:
        raise ValueError(f"unknown variant {variant!r}")
    os.makedirs(spec.target_dir, mode=0o777, exist_ok=True)  # VULN
    out_path = spec.target_dir / (Path(photo_name).stem + ".jpg")
    ImageMagick().render(spec, out_path)
    logger.info("thumbnail ready listing=%d variant=%s", listing_id, variant)
    return str(out_path)


def enqueue_listing_photos(listing_id: int, form: dict) -> list:
    """Called by the upload view with the submitted form data."""
    jobs = []
    for photo in form.get("photos", []):
        for variant in SIZES:
            jobs.append(queue.enqueue(
                build_thumbnail,
                listing_id,
                photo["name"],
                variant,
                form.get("agency_name", ""),
                retry=Retry(max=2, interval=[10, 60]),
                job_timeout=300,
            ))
    return [job.id for job in jobs]
