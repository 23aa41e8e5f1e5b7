"""Worker that pushes firmware images to smart locks through the building gateway.

Jobs are queued by the property-manager portal ("Update lock firmware" button).
"""
import json
import logging
import os
import subprocess
import time

import redis

QUEUE = "lock-firmware-jobs"
FIRMWARE_DIR = "/opt/lockfleet/firmware"
GATEWAY_USER = os.environ.get("GATEWAY_USER", "lockops")

log = logging.getLogger("lockfleet.firmware")


class FirmwareJob:
    def __init__(self, payload: dict):
        self.job_id = payload["job_id"]
        self.gateway = payload["gateway_host"]
        self.lock_serial = payload["lock_serial"]
        self.version = payload["version"]

    @property
    def image_path(self) -> str:
        return os.path.join(FIRMWARE_DIR, f"lockfw-{self.version}.bin")


def build_push_command(job: FirmwareJob) -> str:
    remote = f"{GATEWAY_USER}@{job.gateway}"
    return (
        f"scp -q {job.image_path} {remote}:/tmp/fw.bin && "
        f"ssh {remote} 'lockctl flash --serial {job.lock_serial} /tmp/fw.bin'"
    )


def run_job(job: FirmwareJob) -> bool:
    cmd = build_push_command(job)
    log.info("pushing firmware job=%s version=%r", job.job_id, job.version)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=600)  # VULN flow
    if proc.returncode != 0:
        log.error("job %s failed (rc=%s): %s", job.job_id, proc.returncode, proc.stderr[-500:])
        return False
    return True


def record_status(r: redis.Redis, job: FirmwareJob, ok: bool) -> None:
    r.hset(
        f"lock-firmware-status:{job.job_id}",
        mapping={"ok": int(ok), "finished": int(time.time())},
    )
    r.expire(f"lock-firmware-status:{job.job_id}", 7 * 24 * 3600)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"))
    log.info("waiting for firmware jobs on %s", QUEUE)
    while True:
        item = r.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            job = FirmwareJob(json.loads(raw))
        except (KeyError, ValueError):
            log.warning("dropping malformed job payload")
            continue
        try:
            ok = run_job(job)
        except subprocess.TimeoutExpired:
            log.error("job %s timed out", job.job_id)
            ok = False
        record_status(r, job, ok)


if __name__ == "__main__":
    main()
