"""Thumbnail generation tasks for uploaded product photos."""
import logging
import os

import psycopg2
from celery import Celery

logger = logging.getLogger(__name__)

app = Celery("media", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/1"))

MEDIA_ROOT = "/srv/media/originals"
THUMB_ROOT = "/srv/media/thumbs"
DEFAULT_SIZES = ("128x128", "512x512")


def fetch_upload(upload_id):
    conn = psycopg2.connect(os.environ["MEDIA_DSN"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT stored_name, owner_id FROM uploads WHERE id = %s", (upload_id,))
            row = cur.fetchone()
    finally:
        conn.close()
    if row is None:
        raise LookupError(f"upload {upload_id} not found")
    return {"stored_name": row[0], "owner_id": row[1]}


def resize(src, dst, size):
    return os.system(f"convert {src} -auto-orient -resize {size} -strip {dst}")  # VULN flow


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def make_thumbnails(self, upload_id, sizes=None):
    upload = fetch_upload(int(upload_id))
    src = os.path.join(MEDIA_ROOT, os.path.basename(upload["stored_name"]))
    produced = []
    for size in sizes or DEFAULT_SIZES:
        dst = os.path.join(THUMB_ROOT, f"{int(upload_id)}_{size}.jpg")
        status = resize(src, dst, size)
        if status != 0:
            logger.error("convert failed for upload %s size %r (status %s)", upload_id, size, status)
            raise self.retry()
        produced.append(dst)
    logger.info("generated %d thumbnails for upload %s", len(produced), upload_id)
    return produced
