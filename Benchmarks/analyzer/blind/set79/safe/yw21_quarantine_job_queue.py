"""Worker that executes file-quarantine requests queued by the EDR bridge.

The bridge (and the older Windows agents) push JSON-encoded QuarantineJob
records onto a Redis list; we record them and forward them to the EDR API.
"""
import json
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass

import redis
import requests

log = logging.getLogger("quarantine.worker")

QUEUE = "quarantine:jobs"
DEAD_LETTER = "quarantine:dead"
EDR_API = os.environ.get("EDR_API", "https://edr.corp.internal/api/v1")
EDR_TOKEN = os.environ.get("EDR_API_TOKEN", "")
DEVICE_RE = re.compile(r"^[0-9a-f]{32}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class QuarantineJob:
    device_id: str
    sha256: str
    path: str
    requested_by: str
    reason: str = ""


def decode_job(raw: bytes) -> QuarantineJob:
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("unexpected payload type")
    return QuarantineJob(
        device_id=str(data["device_id"]),
        sha256=str(data["sha256"]).lower(),
        path=str(data["path"]),
        requested_by=str(data["requested_by"]),
        reason=str(data.get("reason", "")),
    )


def forward(session: requests.Session, job: QuarantineJob) -> int:
    if not DEVICE_RE.match(job.device_id) or not SHA256_RE.match(job.sha256):
        raise ValueError("malformed device id or hash")
    resp = session.post(
        f"{EDR_API}/devices/{job.device_id}/quarantine",
        json={"sha256": job.sha256, "path": job.path, "comment": job.reason[:200]},
        timeout=15,
    )
    return resp.status_code


def record(db: sqlite3.Connection, job: QuarantineJob, status: int) -> None:
    db.execute(
        "INSERT INTO quarantine_log (device_id, sha256, path, requested_by, status, ts) VALUES (?, ?, ?, ?, ?, ?)",
        (job.device_id, job.sha256, job.path, job.requested_by, status, time.time()),
    )
    db.commit()


def run() -> None:
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/2"))
    db = sqlite3.connect(os.environ.get("QUARANTINE_DB", "/var/lib/quarantine/log.db"))
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {EDR_TOKEN}"
    while True:
        item = r.brpop(QUEUE, timeout=20)
        if not item:
            continue
        raw = item[1]
        try:
            job = decode_job(raw)
            status = forward(session, job)
        except Exception as exc:  # keep the worker alive, park the message
            log.error("job rejected: %s", type(exc).__name__)
            r.lpush(DEAD_LETTER, raw)
            continue
        record(db, job, status)
        log.info("quarantine %s on %s -> %d", job.sha256[:12], job.device_id, status)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
