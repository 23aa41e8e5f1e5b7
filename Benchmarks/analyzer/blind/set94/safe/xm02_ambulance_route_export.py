#!/usr/bin/env python3
"""Export ambulance route traces from the AVL database for QA review."""
import argparse
import logging
import os
import re
import subprocess
import sys
from datetime import date

log = logging.getLogger("route_export")

AVL_SOURCE = os.environ.get("AVL_PG_DSN", "PG:dbname=avl host=localhost")
EXPORT_DIR = os.environ.get("ROUTE_EXPORT_DIR", "/srv/qa/exports")
FORMATS = {"GPX": "gpx", "GeoJSON": "geojson", "KML": "kml"}
UNIT_RE = re.compile(r"^[A-Z]{1,3}\d{1,4}$")


class ExportJob:
    def __init__(self, unit_id, shift_date, fmt="GPX"):
        if not UNIT_RE.match(unit_id):
            raise ValueError(f"invalid unit id {unit_id!r}")
        self.unit_id = unit_id
        self.shift_date = date.fromisoformat(shift_date).isoformat()
        self.fmt = fmt

    @property
    def out_path(self):
        ext = FORMATS[self.fmt]
        return os.path.join(EXPORT_DIR, f"{self.unit_id}_{self.shift_date}.{ext}")

    def where_clause(self):
        return f"unit_id = '{self.unit_id}' AND shift_date = '{self.shift_date}'"


def build_command(job):
    return [
        "ogr2ogr", "-f", job.fmt, job.out_path, AVL_SOURCE,
        "-sql", f"SELECT * FROM avl_points WHERE {job.where_clause()} ORDER BY ts",
    ]


def run_export(job):
    cmd = build_command(job)
    log.info("exporting route for unit %s (%s)", job.unit_id, job.shift_date)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.error("ogr2ogr failed: %s", proc.stderr.strip())
        return False
    return True


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("unit_ids", nargs="+", help="ambulance unit identifiers, e.g. M12")
    p.add_argument("--date", required=True, help="shift date YYYY-MM-DD")
    p.add_argument("--format", default="GPX", choices=sorted(FORMATS))
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    os.makedirs(EXPORT_DIR, exist_ok=True)
    failures = 0
    for unit in args.unit_ids:
        try:
            job = ExportJob(unit, args.date, args.format)
        except ValueError as exc:
            log.error("%s", exc)
            failures += 1
            continue
        if not run_export(job):
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
