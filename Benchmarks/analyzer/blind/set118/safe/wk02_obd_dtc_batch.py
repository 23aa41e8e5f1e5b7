#!/usr/bin/env python3
"""Batch DTC puller.

Reads job files dropped into the spool directory by the service-desk portal
and pulls stored trouble codes from the OBD-II adapters attached to each
diagnostic lane, writing the raw dump into the output directory.
"""
import argparse
import json
import logging
import re
import shlex
import subprocess
import sys
from pathlib import Path

DEFAULT_SPOOL = "/var/spool/obd-jobs"
OBD_DUMP = "/usr/local/bin/obd-dump"
PROTOCOLS = {"auto", "iso9141", "kwp2000", "can11_500", "can29_500"}
PORT_RE = re.compile(r"^/dev/tty(USB|ACM)\d{1,2}$")

log = logging.getLogger("dtc_batch")


def load_jobs(spool: Path):
    for job_file in sorted(spool.glob("*.json")):
        try:
            with job_file.open() as fh:
                job = json.load(fh)
        except (OSError, ValueError) as exc:
            log.warning("skipping unreadable job %s: %r", job_file.name, exc)
            continue
        job["_path"] = job_file
        yield job


def dump_command(job, out_dir: Path):
    port = job.get("adapter_port", "/dev/ttyUSB0")
    protocol = job.get("protocol", "auto")
    label = re.sub(r"[^A-Za-z0-9_-]", "_", str(job.get("vehicle_label", "unknown")))
    if not PORT_RE.match(port) or protocol not in PROTOCOLS:
        raise ValueError("unsupported adapter settings")
    out_file = out_dir / f"{label}.dtc"
    return [OBD_DUMP, "--port", port, "--protocol", protocol, "--mode", "03"], out_file


def run_job(job, out_dir: Path, dry_run: bool = False) -> int:
    try:
        cmd, out_file = dump_command(job, out_dir)
    except ValueError as exc:
        log.error("job %s rejected: %s", job["_path"].name, exc)
        return 1
    if dry_run:
        print(shlex.join(cmd), ">", out_file)
        return 0
    log.info("pulling codes for job %s", job["_path"].name)
    with out_file.open("wb") as fh:
        rc = subprocess.run(cmd, stdout=fh, check=False).returncode
    if rc != 0:
        log.error("obd-dump failed (rc=%s) for %s", rc, job["_path"].name)
    return rc


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spool", default=DEFAULT_SPOOL)
    parser.add_argument("--out", default="/var/lib/obd-dumps")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    failures = 0
    for job in load_jobs(Path(args.spool)):
        if run_job(job, out_dir, args.dry_run) != 0:
            failures += 1
        else:
            job["_path"].rename(job["_path"].with_suffix(".done"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
