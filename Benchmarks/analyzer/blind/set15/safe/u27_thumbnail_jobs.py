"""RQ background jobs that build listing thumbnails for the property portal."""
import logging
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from redis import Redis
from rq import Queue, Retry

logger = logging.getLogger("listings.thumbs")

UPLOAD_DIR = Path(os.environ.get("LISTING_UPLOADS", "/srv/listings/uploads"))
THUMB_DIR = Path(os.environ.get("LISTING_THUMBS", "/srv/listings/thumbs"))
SIZES = {"card": "480x320", "gallery": "1280x853", "hero": "1920x1080"}
_PHOTO_RE = re.compile(r"^[A-Za-z0-9_-]{1,80}\.(jpe?g|png|webp)$", re.IGNORECASE)

redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
queue = Queue("thumbnails", connection=redis_conn)


@dataclass
class ThumbnailSpec:
    listing_id: int
    photo_name: str
    variant: str
    watermark_text: str = ""

    def __post_init__(self):
        if self.variant not in SIZES:
            raise ValueError(f"unknown variant {self.variant!r}")
        if not _PHOTO_RE.fullmatch(self.photo_name):
            raise ValueError("invalid photo name")

    @property
    def source(self) -> Path:
        return UPLOAD_DIR / str(int(self.listing_id)) / self.photo_name

    @property
    def target_dir(self) -> Path:
        return THUMB_DIR / str(int(self.listing_id)) / self.variant


class ImageMagick:
    def __init__(self, binary: str = "convert"):
        self.binary = binary

    def command(self, spec: ThumbnailSpec, out_path: Path) -> list:
        size = SIZES[spec.variant]
        cmd = [self.binary, str(spec.source), "-auto-orient", "-thumbnail", f"{size}^",
               "-gravity", "center", "-extent", size]
        if spec.watermark_text:
            label = spec.watermark_text.replace("%", "%%").replace("@", "")
            cmd += ["-pointsize", "18", "-fill", "white", "-annotate", "+10+10", label[:60]]
        return cmd + [f"jpg:{out_path}"]

    def render(self, spec: ThumbnailSpec, out_path: Path) -> None:
        cmd = self.command(spec, out_path)
        result = subprocess.run(cmd, capture_output=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(result.stderr.decode(errors="replace")[:300])


def build_thumbnail(listing_id: int, photo_name: str, variant: str, watermark_text: str = "") -> str:
    spec = ThumbnailSpec(listing_id, photo_name, variant, watermark_text)
    os.makedirs(spec.target_dir, mode=0o755, exist_ok=True)
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
