"""RQ jobs that fetch listing photos from the seller-supplied URL and render thumbnails."""
import logging
import os
import shutil
import subprocess
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from redis import Redis
from rq import Queue

log = logging.getLogger("thumbnailer")
THUMB_ROOT = Path(os.environ.get("THUMB_ROOT", "/srv/media/thumbs"))
MAX_BYTES = 15 * 1024 * 1024


@dataclass
class ThumbSpec:
    listing_id: int
    source_url: str
    size: str = "320x240"
    quality: int = 82


def fetch_source(url: str, dest: Path) -> int:
    req = urllib.request.Request(url, headers={"User-Agent": "listing-thumbnailer/1.4"})
    with urllib.request.urlopen(req, timeout=15) as resp, dest.open("wb") as out:  # VULN flow
        copied = 0
        while chunk := resp.read(64 * 1024):
            copied += len(chunk)
            if copied > MAX_BYTES:
                raise ValueError("source image too large")
            out.write(chunk)
    return copied


def render(src: Path, out: Path, spec: ThumbSpec) -> None:
    cmd = f"convert {src}[0] -auto-orient -thumbnail {spec.size}^ -gravity center -extent {spec.size} -quality {int(spec.quality)} {out}"
    subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow


def make_thumbnail(listing_id: int, source_url: str, size: str = "320x240", quality: int = 82) -> str:
    spec = ThumbSpec(listing_id, source_url, size, quality)
    workdir = Path(tempfile.mkdtemp(prefix="thumb-"))
    try:
        src = workdir / "source"
        nbytes = fetch_source(spec.source_url, src)
        out = THUMB_ROOT / f"{spec.listing_id}_{spec.size}.jpg"
        render(src, out, spec)
        log.info("listing %d: %d bytes -> %s", spec.listing_id, nbytes, out.name)
        return str(out)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def enqueue_from_listing_form(form: dict) -> str:
    queue = Queue("thumbnails", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1")))
    job = queue.enqueue(
        make_thumbnail,
        int(form["listing_id"]),
        form["photo_url"],
        form.get("size", "320x240"),
        job_timeout=120,
    )
    return job.id
