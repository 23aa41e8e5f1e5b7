"""RQ worker jobs that render listing thumbnails for the marketplace."""
import logging
import os
import re
import shutil
import subprocess
import tempfile
from urllib.parse import urlsplit

import requests
from redis import Redis
from rq import Queue

log = logging.getLogger("thumbs")

OUTPUT_ROOT = os.environ.get("THUMB_OUTPUT", "/srv/media/thumbs")
FORMATS = {"webp", "jpg", "png"}
MAX_SOURCE_BYTES = 25 * 1024 * 1024
UPLOAD_HOSTS = {"uploads.marketplace-cdn.net", "legacy-uploads.marketplace-cdn.net"}
GEOMETRY_RE = re.compile(r"\d{1,4}x\d{1,4}")


class ThumbnailJob:
    def __init__(self, asset_id: int, source_url: str, geometry: str, fmt: str) -> None:
        parts = urlsplit(source_url)
        if parts.scheme != "https" or parts.hostname not in UPLOAD_HOSTS or parts.port:
            raise ValueError("source must be on the upload CDN")
        if not GEOMETRY_RE.fullmatch(geometry):
            raise ValueError("geometry must look like 320x240")
        self.asset_id = asset_id
        self.source_url = source_url
        self.geometry = geometry
        self.fmt = fmt
        self.workdir = tempfile.mkdtemp(prefix="thumb-")

    def fetch(self) -> str:
        src = os.path.join(self.workdir, "source")
        with requests.get(self.source_url, timeout=15, stream=True, allow_redirects=False) as resp:
            resp.raise_for_status()
            written = 0
            with open(src, "wb") as fh:
                for chunk in resp.iter_content(1 << 16):
                    written += len(chunk)
                    if written > MAX_SOURCE_BYTES:
                        raise ValueError("source image too large")
                    fh.write(chunk)
        return src

    def _command(self, src: str, dst: str) -> list[str]:
        return ["convert", f"{src}[0]", "-auto-orient", "-thumbnail", self.geometry, "-strip", dst]

    def render(self, src: str) -> str:
        dst = os.path.join(self.workdir, f"{self.asset_id}.{self.fmt}")
        subprocess.check_output(self._command(src, dst), timeout=60)
        return dst

    def publish(self, rendered: str) -> str:
        final = os.path.join(OUTPUT_ROOT, f"{self.asset_id}.{self.fmt}")
        shutil.move(rendered, final)
        return final

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


def generate_thumbnail(asset_id: int, source_url: str, geometry: str = "320x240",
                       fmt: str = "webp") -> str:
    job = ThumbnailJob(asset_id, source_url, geometry, fmt)
    try:
        return job.publish(job.render(job.fetch()))
    finally:
        job.cleanup()


def enqueue_from_api(payload: dict, queue: Queue | None = None) -> str:
    queue = queue or Queue("thumbs", connection=Redis.from_url(os.environ["REDIS_URL"]))
    fmt = payload.get("format", "webp")
    if fmt not in FORMATS:
        raise ValueError("unsupported format")
    rq_job = queue.enqueue(generate_thumbnail, int(payload["asset_id"]), payload["source_url"],
                           payload.get("geometry", "320x240"), fmt, job_timeout=180)
    log.info("enqueued thumbnail job %s for asset %s", rq_job.id, payload["asset_id"])
    return rq_job.id
