#!/usr/bin/env python3
"""Nightly route builder for field technicians.

Pulls the day's jobs from the scheduling DB, groups them per region and
hands each group to the external `vroom` solver binary.
"""
import argparse
import json
import logging
import subprocess
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("route_optimizer")

SOLVER_BIN = "/opt/vroom/bin/vroom"
OUTPUT_ROOT = Path("/var/lib/routes")
PROFILES = {"car", "van", "bike", "foot"}


@dataclass
class RegionBatch:
    region: str
    jobs: list = field(default_factory=list)

    @property
    def input_file(self) -> Path:
        return OUTPUT_ROOT / f"{self.region}.json"

    @property
    def output_file(self) -> Path:
        return OUTPUT_ROOT / f"{self.region}.solution.json"


def load_jobs(db_path: str, day: str) -> dict:
    conn = sqlite3.connect(db_path)
    rows = conn.execute(
        "SELECT id, region, lat, lon, duration_min FROM jobs WHERE service_day = ?",
        (day,),
    ).fetchall()
    conn.close()
    batches: dict = {}
    for job_id, region, lat, lon, dur in rows:
        batch = batches.setdefault(region, RegionBatch(region))
        batch.jobs.append({"id": job_id, "location": [lon, lat], "service": dur * 60})
    return batches


def build_command(batch: RegionBatch, opts: dict) -> list:
    parts = [SOLVER_BIN, "-i", str(batch.input_file), "-o", str(batch.output_file)]
    if opts.get("geometry"):
        parts.append("-g")
    parts.extend(["-p", opts["profile"]])
    return parts


def run_batch(batch: RegionBatch, opts: dict) -> int:
    batch.input_file.write_text(json.dumps({"jobs": batch.jobs}))
    cmd = build_command(batch, opts)
    log.info("solving region %r (%d jobs)", batch.region, len(batch.jobs))
    return subprocess.run(cmd, check=False).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description="Build technician routes")
    parser.add_argument("--db", default="/var/lib/scheduler/jobs.db")
    parser.add_argument("--day", required=True, help="YYYY-MM-DD")
    parser.add_argument("--profile", default="car", choices=sorted(PROFILES))
    parser.add_argument("--geometry", action="store_true")
    parser.add_argument("--region", action="append", default=[])
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO)
    opts = {"profile": args.profile, "geometry": args.geometry}
    batches = load_jobs(args.db, args.day)
    wanted = set(args.region) or set(batches)
    failures = 0
    for name in sorted(wanted):
        batch = batches.get(name)
        if batch is None:
            log.warning("no jobs for region %r", name)
            continue
        if run_batch(batch, opts) != 0:
            failures += 1
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
