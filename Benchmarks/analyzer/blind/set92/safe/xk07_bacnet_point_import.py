#!/usr/bin/env python3
"""Import BACnet point lists dropped by integrators into the SFTP inbox.

Runs from cron every 10 minutes.  Each XML export describes one controller
and its objects; we flatten it into the point database CSV used by the BMS.
"""
import csv
import logging
import os
import shutil
import sys
from pathlib import Path

from lxml import etree

log = logging.getLogger("bacnet.import")

INBOX = Path(os.environ.get("BACNET_INBOX", "/srv/sftp/integrators/inbox"))
DONE = INBOX.parent / "processed"
POINTS_CSV = Path("/var/lib/bms/points.csv")

PARSER_OPTIONS = {"resolve_entities": False, "load_dtd": False,
                  "no_network": True, "huge_tree": False}


def read_export(path: Path):
    parser = etree.XMLParser(**PARSER_OPTIONS)
    data = path.read_bytes()
    return etree.fromstring(data, parser)


def extract_points(root):
    device = root.get("instance")
    for obj in root.iterfind(".//object"):
        yield {
            "device": device,
            "type": obj.get("type", ""),
            "instance": obj.get("instance", ""),
            "name": (obj.findtext("name") or "").strip(),
            "units": (obj.findtext("units") or "").strip(),
            "description": (obj.findtext("description") or "").strip(),
        }


def append_points(rows):
    new_file = not POINTS_CSV.exists()
    with POINTS_CSV.open("a", newline="") as fh:
        writer = csv.DictWriter(
            fh, fieldnames=["device", "type", "instance", "name", "units", "description"])
        if new_file:
            writer.writeheader()
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    DONE.mkdir(parents=True, exist_ok=True)
    failures = 0
    for export in sorted(INBOX.glob("*.xml")):
        try:
            root = read_export(export)
            n = append_points(extract_points(root))
            log.info("imported %d points from %r", n, export.name)
            shutil.move(str(export), DONE / export.name)
        except etree.XMLSyntaxError as exc:
            failures += 1
            log.error("could not parse %r: %r", export.name, str(exc))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
