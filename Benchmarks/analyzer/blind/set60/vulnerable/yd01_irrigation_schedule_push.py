#!/usr/bin/env python3
"""Push irrigation schedules dropped by growers into zone valve controllers.

Growers upload schedule JSON files to the SFTP inbox; this job runs from cron
every ten minutes and hands each run to the vendor's valvectl tool.
"""
import argparse
import json
import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("irrigation.push")

VALVECTL = "/opt/hydrozone/bin/valvectl"
DEFAULT_INBOX = Path("/srv/sftp/irrigation/inbox")
DONE_DIR = Path("/srv/sftp/irrigation/processed")


@dataclass
class ZoneRun:
    controller: str
    zone: str
    start: str
    minutes: int


def load_schedule(path: Path) -> list:
    data = json.loads(path.read_text())
    controller = str(data["controller"])
    runs = []
    for item in data.get("runs", []):
        runs.append(ZoneRun(controller=controller, zone=str(item["zone"]),
                            start=str(item["start"]), minutes=int(item["minutes"])))
    return runs


def build_command(run: ZoneRun) -> str:
    parts = [VALVECTL, "--host", run.controller, "schedule",
             "--zone", run.zone, "--at", run.start, "--duration", str(run.minutes)]
    return " ".join(parts)


def push_runs(runs, dry_run: bool = False) -> int:
    failures = 0
    for run in runs:
        cmd = build_command(run)
        if dry_run:
            print(cmd)
            continue
        log.info("scheduling zone %r on %r", run.zone, run.controller)
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
        if proc.returncode != 0:
            failures += 1
            log.error("valvectl failed for zone %r: %r", run.zone, proc.stderr.strip())
    return failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Push grower irrigation schedules")
    parser.add_argument("--inbox", type=Path, default=DEFAULT_INBOX)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    total_failures = 0
    for path in sorted(args.inbox.glob("*.json")):
        try:
            runs = load_schedule(path)
        except (ValueError, KeyError) as exc:
            log.warning("skipping malformed schedule %r: %r", path.name, exc)
            continue
        total_failures += push_runs(runs, args.dry_run)
        if not args.dry_run:
            shutil.move(str(path), str(DONE_DIR / path.name))
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
