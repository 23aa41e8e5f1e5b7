"""Celery tasks that ingest partner data drops into the warehouse staging area."""
import logging
import os
import tarfile
import tempfile
from pathlib import Path

import requests
from celery import Celery

app = Celery("ingest", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
logger = logging.getLogger(__name__)

STAGING_ROOT = Path(os.environ.get("STAGING_ROOT", "/srv/staging"))
CHUNK_SIZE = 1 << 16


def _download(url: str, dest: Path) -> Path:
    """Stream a remote archive to ``dest``."""
    with requests.get(url, stream=True, timeout=120) as resp:  # VULN flow
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(CHUNK_SIZE):
                fh.write(chunk)
    return dest


@app.task(bind=True, max_retries=3, default_retry_delay=60)
def ingest_drop(self, payload: dict) -> dict:
    """Fetch a partner archive and unpack it for the nightly loader.

    ``payload`` is relayed from the public partner webhook and carries
    ``partner_id`` and ``archive_url``.
    """
    partner = int(payload["partner_id"])
    target = STAGING_ROOT / f"partner_{partner}"
    target.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "drop.tar.gz"
        try:
            _download(payload["archive_url"], archive)
        except requests.RequestException as exc:
            logger.warning("download failed for partner %d", partner)
            raise self.retry(exc=exc)

        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getnames()
            tar.extractall(target)  # VULN flow

    logger.info("ingested %d files for partner %d", len(members), partner)
    return {"partner": partner, "files": len(members)}
