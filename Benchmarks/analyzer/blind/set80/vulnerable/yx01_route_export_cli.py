#!/usr/bin/env python3
"""Export a filtered GTFS subset for the depot signage units and pack it.

Invoked by the signage portal job runner with the values depot staff
entered in the export form.
"""
import argparse
import logging
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from typing import List

log = logging.getLogger("route_export")

GTFS_TOOL = os.environ.get("GTFS_FILTER_BIN", "/opt/transit/bin/gtfs-filter")
EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/var/lib/transit/exports")
NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


@dataclass
class ExportJob:
    feed_path: str
    agency: str
    out_name: str
    route_ids: List[str] = field(default_factory=list)

    @property
    def output_dir(self) -> str:
        return os.path.join(EXPORT_ROOT, self.agency, self.out_name)


def build_filter_command(job: ExportJob) -> str:
    routes = ",".join(job.route_ids)
    parts = [GTFS_TOOL, "--input", job.feed_path, "--routes", routes,
             "--output", job.output_dir]
    return " ".join(parts)


def pack_directory(path: str) -> int:
    archive = path.rstrip("/") + ".tar.gz"
    cmd = "tar -czf %s -C %s ." % (archive, path)
    log.debug("packing %s", archive)
    return os.system(cmd)  # VULN flow


def run_export(job: ExportJob) -> None:
    os.makedirs(job.output_dir, exist_ok=True)
    command = build_filter_command(job)
    log.info("filtering %d routes for %s", len(job.route_ids), job.agency)
    result = subprocess.run(command, shell=True, capture_output=True, text=True)  # VULN flow
    if result.returncode != 0:
        log.error("gtfs-filter failed: %s", result.stderr.strip())
        raise SystemExit(result.returncode)
    if pack_directory(job.output_dir) != 0:
        raise SystemExit("packing failed")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("feed", help="path to the GTFS zip")
    p.add_argument("--agency", required=True)
    p.add_argument("--name", default="signage")
    p.add_argument("--route", action="append", dest="routes", default=[])
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    if not args.routes:
        log.error("no routes given")
        return 2
    if not (NAME_RE.match(args.agency) and NAME_RE.match(args.name)):
        log.error("agency and export name must be simple identifiers")
        return 2
    job = ExportJob(feed_path=args.feed, agency=args.agency,
                    out_name=args.name, route_ids=args.routes)
    run_export(job)
    print(job.output_dir + ".tar.gz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
