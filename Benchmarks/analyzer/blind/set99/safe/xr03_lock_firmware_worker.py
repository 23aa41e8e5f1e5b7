"""Worker that pushes firmware images to smart locks through the building gateway.

Jobs are queued by the property-manager portal ("Update lock firmware" button).
"""
import json
import logging
import os
import re
import shlex
import subprocess
import time

import redis

QUEUE = "lock-firmware-jobs"
FIRMWARE_DIR = "/opt/lockfleet/firmware"
GATEWAY_USER = os.environ.get("GATEWAY_USER", "lockops")

VERSION_RE = re.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,4}$")
SERIAL_RE = re.compile(r"^[A-Z0-9]{8,16}$")
HOST_RE = re.compile(r"^gw-[a-z0-9-]{1,40}\.buildings\.internal$")

log = logging.getLogger("lockfleet.firmware")


class FirmwareJob:
    def __init__(self, payload: dict):
        self.job_id = payload["job_id"]
        self.gateway = payload["gateway_host"]
        self.lock_serial = payload["lock_serial"]
        self.version = payload["version"]
        if not (
            VERSION_RE.match(self.version)
            and SERIAL_RE.match(self.lock_serial)
            and HOST_RE.match(self.gateway)
        ):
            raise ValueError("job fields failed validation")

    @property
    def image_path(self) -> str:
        return os.path.join(FIRMWARE_DIR, f"lockfw-{self.version}.bin")


def build_push_commands(job: FirmwareJob) -> list:
    remote = f"{GATEWAY_USER}@{job.gateway}"
    remote_cmd = "lockctl flash --serial {} /tmp/fw.bin".format(shlex.quote(job.lock_serial))
    return [
        ["scp", "-q", "--", job.image_path, f"{remote}:/tmp/fw.bin"],
        ["ssh", remote, remote_cmd],
    ]


def run_job(job: FirmwareJob) -> bool:
    log.info("pushing firmware job=%s version=%r", job.job_id, job.version)
    for argv in build_push_commands(job):
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
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
        except (KeyError, ValueError, TypeError):
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
