#!/usr/bin/env python3
"""Render printable section maps for plot-purchase requests exported from the family portal.

Each row of the requests CSV has: request_id, cemetery, section, family_email.
Maps are cut from the master GeoTIFF with gdal_translate and mailed by a later job.
"""
import argparse
import csv
import logging
import os
import re
import subprocess
import sys
from dataclasses import dataclass

log = logging.getLogger("plot_map_export")

MASTER_DIR = "/srv/gis/master"
KNOWN_CEMETERIES = {"oakwood", "st_marys", "riverside", "pine_hill"}
SECTION_RE = re.compile(r"^[A-Za-z0-9 \-]{1,20}$")


@dataclass
class MapRequest:
    request_id: str
    cemetery: str
    section: str
    family_email: str


def load_requests(path):
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            yield MapRequest(
                request_id=row["request_id"].strip(),
                cemetery=row["cemetery"].strip().lower(),
                section=row["section"].strip(),
                family_email=row["family_email"].strip(),
            )


def render_map(req: MapRequest, out_dir: str, dpi: int) -> str:
    source = os.path.join(MASTER_DIR, f"{req.cemetery}.tif")
    target = os.path.join(out_dir, f"plotmap_{req.request_id}.pdf")
    cmd = [
        "gdal_translate", "-q", "-of", "PDF", "-co", f"DPI={dpi}",
        "-mo", f"TITLE=Section {req.section}", source, target,
    ]
    log.info("rendering map for request %r", req.request_id)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or "gdal_translate failed")
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", required=True, help="CSV exported from the portal")
    parser.add_argument("--out-dir", default="/srv/gis/outbox")
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    os.makedirs(args.out_dir, exist_ok=True)

    failures = 0
    for req in load_requests(args.requests):
        if (not req.request_id.isdigit() or req.cemetery not in KNOWN_CEMETERIES
                or not SECTION_RE.match(req.section)):
            log.warning("skipping malformed request %r", req.request_id)
            failures += 1
            continue
        try:
            path = render_map(req, args.out_dir, args.dpi)
            log.info("wrote %s", path)
        except RuntimeError as exc:
            log.error("request %r failed: %s", req.request_id, exc)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
