"""Ops worker: snapshot a store's POS data directory on request.

Store managers trigger ad-hoc backups from the ops portal (e.g. before a
register upgrade); the portal enqueues a JSON job on Redis which this worker
consumes.
"""
import json
import logging
import os
import time

import redis

log = logging.getLogger("ops.backup")

BACKUP_ROOT = os.environ.get("BACKUP_ROOT", "/var/backups/stores")
DATA_ROOT = os.environ.get("POS_DATA_ROOT", "/srv/pos/data")
QUEUE = "ops:backup-requests"
RESULTS = "ops:backup-results"


class BackupJob:
    def __init__(self, msg: dict) -> None:
        self.store_code = str(msg["store_code"])
        self.label = str(msg.get("label", "adhoc"))
        self.requested_by = msg.get("requested_by", "portal")
        self.ts = time.strftime("%Y%m%d-%H%M%S")

    @property
    def archive_path(self) -> str:
        return os.path.join(BACKUP_ROOT, f"{self.store_code}-{self.label}-{self.ts}.tar.gz")

    @property
    def source_dir(self) -> str:
        return os.path.join(DATA_ROOT, self.store_code)


def run_backup(job: BackupJob) -> str:
    cmd = "tar -czf %s -C %s ." % (job.archive_path, job.source_dir)
    log.info("starting backup for store %r", job.store_code)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"tar exited with status {rc}")
    return job.archive_path


def consume(r: "redis.Redis") -> None:
    while True:
        item = r.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            msg = json.loads(raw)
            job = BackupJob(msg)
        except (ValueError, KeyError, TypeError):
            log.warning("dropping malformed backup request")
            continue
        try:
            path = run_backup(job)
        except RuntimeError as exc:
            log.error("backup for %r failed: %s", job.store_code, exc)
            r.hset(RESULTS, job.store_code, json.dumps({"ok": False}))
            continue
        r.hset(RESULTS, job.store_code, json.dumps({"ok": True, "path": path}))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    consume(redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))
