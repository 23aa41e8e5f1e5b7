"""Redis-backed worker that produces resized renditions of uploaded images."""
import json
import logging
import os
import re
import signal

import redis

log = logging.getLogger("media.convert")
QUEUE = "media:convert"
UPLOAD_ROOT = os.path.realpath(os.environ.get("UPLOAD_ROOT", "/srv/media/uploads"))
OUTPUT_ROOT = os.environ.get("OUTPUT_ROOT", "/srv/media/renditions")
JOB_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
FORMATS = {"webp", "jpg", "png", "avif"}
running = True


def stop(signum, frame):
    global running
    running = False


class ConvertJob:
    def __init__(self, data):
        self.job_id = str(data["id"])
        self.source = data["source"]
        self.size = data.get("size", "800x600")
        self.fmt = data.get("format", "webp")
        if not JOB_ID_RE.fullmatch(self.job_id) or self.fmt not in FORMATS:
            raise ValueError("invalid conversion job")

    def source_path(self):
        path = os.path.realpath(os.path.join(UPLOAD_ROOT, self.source))
        if not path.startswith(UPLOAD_ROOT + os.sep):
            raise ValueError("source outside upload root")
        return path

    def output_path(self):
        return os.path.join(OUTPUT_ROOT, f"{self.job_id}.{self.fmt}")


def convert(job):
    src = job.source_path()
    dst = job.output_path()
    command = "convert %s -auto-orient -resize %s -strip %s" % (src, job.size, dst)
    status = os.system(command)  # VULN flow
    if status != 0:
        raise RuntimeError(f"convert exited with status {status}")
    return dst


def main():
    signal.signal(signal.SIGTERM, stop)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while running:
        item = client.blpop(QUEUE, timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            job = ConvertJob(json.loads(raw))
            output = convert(job)
            client.hset(f"media:job:{job.job_id}", mapping={"status": "done", "output": output})
        except Exception:
            log.exception("conversion failed")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
