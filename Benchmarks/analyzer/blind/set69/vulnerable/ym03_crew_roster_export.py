"""Worker that builds roster export archives requested from the crew portal.

Requests land on the ``roster-exports`` Redis list as JSON documents::

    {"request_id": "...", "base": "LHR", "month": "2024-05",
     "fmt": "csv", "requested_by": "..."}
"""
import json
import logging
import os
import subprocess
import time

import redis

log = logging.getLogger("roster.export")

QUEUE = "roster-exports"
ROSTER_ROOT = "/data/rosters"
EXPORT_ROOT = "/data/exports"


class ExportJob:
    def __init__(self, payload):
        self.request_id = payload["request_id"]
        self.base = payload.get("base", "")
        self.month = payload.get("month", "")
        self.fmt = payload.get("fmt", "csv")
        self.requested_by = payload.get("requested_by", "unknown")

    @property
    def source_glob(self):
        return f"{ROSTER_ROOT}/{self.base}/{self.month}/*.{self.fmt}"

    @property
    def archive_path(self):
        return os.path.join(EXPORT_ROOT, f"{self.request_id}.zip")


def build_archive(job):
    cmd = "zip -j -q %s %s" % (job.archive_path, job.source_glob)
    log.info("building export %r for %r", job.request_id, job.requested_by)
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if result.returncode not in (0, 12):
        raise RuntimeError(result.stderr.strip())
    return job.archive_path


def notify(client, job, path):
    client.publish(
        "roster-exports:done",
        json.dumps({"request_id": job.request_id, "path": path}),
    )


def main():
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    while True:
        item = client.brpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            job = ExportJob(json.loads(raw))
            path = build_archive(job)
            notify(client, job, path)
        except (ValueError, KeyError, RuntimeError) as exc:
            log.error("export failed: %r", exc)
            time.sleep(1)


if __name__ == "__main__":
    main()
