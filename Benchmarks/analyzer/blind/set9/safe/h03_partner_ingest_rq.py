"""RQ jobs that ingest partner data drops into the warehouse staging area."""
import logging
import os
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import requests
from redis import Redis
from rq import Queue, Retry

logger = logging.getLogger(__name__)

STAGING_ROOT = Path(os.environ.get("STAGING_ROOT", "/srv/staging")).resolve()
ALLOWED_HOSTS = {"drops.partner-a.com", "exports.partner-b.net"}
MAX_ARCHIVE_BYTES = 500 * 1024 * 1024
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024


def _validated_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS or parts.port not in (None, 443):
        raise ValueError("archive host is not allow-listed")
    return url


def _download(url: str, dest: Path) -> None:
    received = 0
    with requests.get(url, stream=True, timeout=120, allow_redirects=False) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(1 << 16):
                received += len(chunk)
                if received > MAX_ARCHIVE_BYTES:
                    raise ValueError("archive too large")
                fh.write(chunk)


def _safe_members(tar: tarfile.TarFile, dest: Path):
    total = 0
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            continue
        target = (dest / member.name).resolve()
        if not target.is_relative_to(dest):
            raise ValueError("archive member escapes staging directory")
        total += member.size
        if total > MAX_UNPACKED_BYTES:
            raise ValueError("archive expands beyond limit")
        yield member


def ingest_drop(partner_id: int, archive_url: str) -> dict:
    url = _validated_url(archive_url)
    partner = int(partner_id)
    dest = STAGING_ROOT / f"partner_{partner}"
    dest.mkdir(parents=True, exist_ok=True)
    extra = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "drop.tar.gz"
        _download(url, archive)
        with tarfile.open(archive, "r:gz") as tar:
            members = list(_safe_members(tar, dest))
            tar.extractall(dest, members=members, **extra)

    logger.info("ingested %d entries for partner %d", len(members), partner)
    return {"partner": partner, "files": len(members)}


def enqueue(partner_id: int, archive_url: str):
    queue = Queue("ingest", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))
    return queue.enqueue(ingest_drop, int(partner_id), _validated_url(archive_url), retry=Retry(max=3, interval=60))
