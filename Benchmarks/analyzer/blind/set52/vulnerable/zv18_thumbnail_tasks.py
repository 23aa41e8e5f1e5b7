"""Celery tasks that generate listing thumbnails with ImageMagick."""
import logging
import os

from celery import Celery

log = logging.getLogger("thumbnails")

app = Celery("thumbnails", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/3"))

UPLOAD_DIR = "/srv/listings/uploads"
THUMB_DIR = "/srv/listings/thumbs"
SIZES = {"card": 480, "gallery": 1280, "tiny": 120}


class ThumbJob:
    def __init__(self, listing_id, original_name, size="card", watermark=None):
        self.listing_id = int(listing_id)
        self.original_name = original_name
        self.width = SIZES.get(size, SIZES["card"])
        self.watermark = watermark

    @property
    def src(self):
        return os.path.join(UPLOAD_DIR, str(self.listing_id), self.original_name)

    @property
    def dst(self):
        stem = os.path.splitext(os.path.basename(self.original_name))[0]
        return os.path.join(THUMB_DIR, str(self.listing_id), f"{stem}_{self.width}.jpg")

    def command(self):
        cmd = "convert '%s' -auto-orient -resize %dx -quality 82" % (self.src, self.width)
        if self.watermark:
            cmd += " -gravity southeast -pointsize 18 -annotate +10+10 '%s'" % self.watermark
        return cmd + " '%s'" % self.dst


@app.task(bind=True, max_retries=2)
def make_thumbnail(self, listing_id, original_name, size="card", watermark=None):
    """Queued by the upload API with the filename the agent's browser sent."""
    job = ThumbJob(listing_id, original_name, size, watermark)
    os.makedirs(os.path.dirname(job.dst), exist_ok=True)
    cmd = job.command()
    log.info("thumbnail listing=%s width=%s", job.listing_id, job.width)
    status = os.system(cmd)  # VULN flow
    if status != 0:
        log.error("convert exited with %s for listing %s", status, job.listing_id)
        raise self.retry(countdown=30)
    return job.dst


@app.task
def purge_thumbnails(listing_id):
    folder = os.path.join(THUMB_DIR, str(int(listing_id)))
    if not os.path.isdir(folder):
        return 0
    removed = 0
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
        removed += 1
    return removed
