"""Worker that pulls 3D-print jobs off the Redis queue and slices them.

Jobs are pushed by the member portal when someone uploads an STL and picks
a printer profile. PrusaSlicer's CLI does the heavy lifting.
"""
import json
import logging
import os
import re
import subprocess
import time

import redis

log = logging.getLogger("printq.slicer")

QUEUE_KEY = "makerspace:print:pending"
DONE_KEY = "makerspace:print:sliced"
SPOOL_DIR = os.environ.get("PRINT_SPOOL", "/srv/printq/spool")
SLICER_BIN = os.environ.get("SLICER_BIN", "/opt/prusaslicer/prusa-slicer")

PROFILES = {
    "mk4-pla": "/srv/printq/profiles/mk4_pla.ini",
    "mk4-petg": "/srv/printq/profiles/mk4_petg.ini",
    "xl-pla": "/srv/printq/profiles/xl_pla.ini",
}

_JOB_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_INFILL_RE = re.compile(r"^\d{1,3}%$")


class SliceJob:
    def __init__(self, payload: dict):
        self.job_id = str(payload["job_id"])
        if not _JOB_ID_RE.match(self.job_id):
            raise ValueError(f"bad job id {self.job_id!r}")
        self.member = payload.get("member", "unknown")
        self.model_name = os.path.basename(payload["model_name"])
        self.profile = PROFILES.get(payload.get("profile"), PROFILES["mk4-pla"])
        self.infill = str(payload.get("infill", "15%"))
        if not _INFILL_RE.match(self.infill):
            raise ValueError(f"bad infill {self.infill!r}")

    @property
    def model_path(self) -> str:
        return os.path.join(SPOOL_DIR, self.model_name)

    @property
    def output_path(self) -> str:
        return os.path.join(SPOOL_DIR, f"{self.job_id}.gcode")


def build_command(job: SliceJob) -> list:
    return [
        SLICER_BIN,
        "--export-gcode",
        "--load", job.profile,
        "--fill-density", job.infill,
        "--output", job.output_path,
        job.model_path,
    ]


def slice_job(job: SliceJob) -> bool:
    cmd = build_command(job)
    log.info("slicing job %r for %r", job.job_id, job.member)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.error("slicer failed for %r: %r", job.job_id, proc.stderr[-500:])
        return False
    return True


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    while True:
        item = r.blpop(QUEUE_KEY, timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            job = SliceJob(json.loads(raw))
        except (KeyError, ValueError) as exc:
            log.warning("dropping malformed job: %r", exc)
            continue
        ok = slice_job(job)
        r.rpush(DONE_KEY, json.dumps({"job_id": job.job_id, "ok": ok}))
        time.sleep(0.1)


if __name__ == "__main__":
    main()
