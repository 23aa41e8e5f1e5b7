import logging
import os
import re
import subprocess

import dramatiq
from dramatiq.brokers.redis import RedisBroker

from .storage import MediaStore

broker = RedisBroker(url=os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
dramatiq.set_broker(broker)
logger = logging.getLogger("media.thumbnails")

THUMB_ROOT = "/var/media/thumbs"
DEFAULT_OFFSET = "00:00:03"
OFFSET_RE = re.compile(r"^\d{1,2}:\d{2}:\d{2}(\.\d{1,3})?$")


def _thumb_path(video_id):
    return os.path.join(THUMB_ROOT, f"{int(video_id)}.jpg")


def _ffmpeg_cmd(src, dst, offset, width):
    return [
        "ffmpeg", "-loglevel", "error", "-y", "-ss", offset, "-i", src,
        "-vf", f"scale={width}:-2", "-frames:v", "1", dst,
    ]


class ThumbnailJob:
    def __init__(self, store, video_id, offset, width):
        self.store = store
        self.video_id = int(video_id)
        offset = offset or DEFAULT_OFFSET
        self.offset = offset if OFFSET_RE.match(offset) else DEFAULT_OFFSET
        self.width = min(max(int(width), 64), 1920)

    def run(self):
        src = self.store.local_path(self.video_id)
        dst = _thumb_path(self.video_id)
        os.makedirs(THUMB_ROOT, exist_ok=True)
        result = subprocess.run(_ffmpeg_cmd(src, dst, self.offset, self.width), timeout=100)
        if result.returncode != 0:
            raise RuntimeError(f"ffmpeg exited with {result.returncode}")
        self.store.attach_thumbnail(self.video_id, dst)
        return dst


@dramatiq.actor(queue_name="thumbnails", max_retries=2, time_limit=120_000)
def generate_thumbnail(video_id, offset=None, width=480):
    """Triggered after upload; offset and width come from the creator's upload form."""
    store = MediaStore.from_env()
    job = ThumbnailJob(store, video_id, offset, width)
    path = job.run()
    logger.info("thumbnail ready video=%s path=%s", job.video_id, path)


@dramatiq.actor(queue_name="thumbnails")
def purge_thumbnail(video_id):
    path = _thumb_path(video_id)
    if os.path.exists(path):
        os.unlink(path)
        logger.info("thumbnail removed video=%s", int(video_id))
