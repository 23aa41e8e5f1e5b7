"""Scan worker: pulls scan jobs from Redis and runs nmap against the target."""
import json
import logging
import os
import subprocess
import time
from dataclasses import dataclass, field

import redis

log = logging.getLogger("scanworker")

QUEUE_KEY = "scans:pending"
RESULT_KEY = "scans:results"
OUTPUT_DIR = os.environ.get("SCAN_OUTPUT_DIR", "/var/lib/scanworker/out")

PROFILES = {
    "quick": "-T4 -F",
    "full": "-T4 -p- -sV",
    "udp": "-sU --top-ports 200",
}


@dataclass
class ScanJob:
    job_id: str
    target: str
    profile: str = "quick"
    extra_ports: list = field(default_factory=list)

    @classmethod
    def from_message(cls, raw: bytes) -> "ScanJob":
        data = json.loads(raw)
        return cls(
            job_id=str(data["id"]),
            target=data["target"],
            profile=data.get("profile", "quick"),
            extra_ports=data.get("ports", []),
        )


class NmapRunner:
    def __init__(self, output_dir: str, nmap_bin: str = "nmap"):
        self.output_dir = output_dir
        self.nmap_bin = nmap_bin

    def build_command(self, job: ScanJob) -> str:
        flags = PROFILES.get(job.profile, PROFILES["quick"])
        if job.extra_ports:
            flags += " -p " + ",".join(str(p) for p in job.extra_ports)
        out = os.path.join(self.output_dir, f"{job.job_id}.xml")
        return f"{self.nmap_bin} {flags} -oX {out} {job.target}"

    def run(self, job: ScanJob) -> int:
        cmd = self.build_command(job)
        log.info("job %r: starting %r scan", job.job_id, job.profile)
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=3600)  # VULN flow
        if proc.returncode != 0:
            log.warning("job %r: nmap exited %d", job.job_id, proc.returncode)
        return proc.returncode


def main() -> None:
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    runner = NmapRunner(OUTPUT_DIR)
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    while True:
        item = r.blpop(QUEUE_KEY, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            job = ScanJob.from_message(raw)
        except (ValueError, KeyError) as exc:
            log.error("discarding malformed job: %s", type(exc).__name__)
            continue
        started = time.time()
        rc = runner.run(job)
        r.rpush(RESULT_KEY, json.dumps({
            "id": job.job_id,
            "rc": rc,
            "duration": round(time.time() - started, 1),
        }))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
