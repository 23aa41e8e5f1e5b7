#!/usr/bin/env python3
"""Process venue media backup requests dropped by the venue manager portal.

The portal writes one JSON file per request into the spool directory; this
script runs from cron every 10 minutes and archives the venue's media folder.
"""
import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

MEDIA_ROOT = "/srv/venues/media"
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
log = logging.getLogger("venue_backup")


def load_requests(spool: Path):
    for entry in sorted(spool.glob("*.json")):
        try:
            with entry.open() as fh:
                yield entry, json.load(fh)
        except (OSError, ValueError) as exc:
            log.error("skipping unreadable request %s: %s", entry.name, exc)


def archive_venue(venue_slug: str, dest_dir: str) -> int:
    if not SLUG_RE.match(venue_slug):
        raise ValueError("invalid venue slug")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    archive = os.path.join(dest_dir, f"{venue_slug}-{stamp}.tar.gz")
    cmd = ["tar", "-czf", archive, "-C", MEDIA_ROOT, "--", venue_slug]
    log.debug("running %r", cmd)
    return subprocess.run(cmd, check=False).returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--spool", default="/var/spool/venue-backups")
    ap.add_argument("--dest", default="/backups/venues")
    ap.add_argument("--done-dir", default="/var/spool/venue-backups/done")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    os.makedirs(args.dest, exist_ok=True)
    os.makedirs(args.done_dir, exist_ok=True)
    failures = 0
    for path, req in load_requests(Path(args.spool)):
        slug = req.get("venue")
        if not slug:
            log.warning("request %s has no venue", path.name)
            continue
        try:
            rc = archive_venue(str(slug), args.dest)
        except ValueError:
            log.warning("request %s names an invalid venue %r", path.name, slug)
            continue
        if rc != 0:
            failures += 1
            log.error("backup for request %s failed with rc=%s", path.name, rc)
            continue
        shutil.move(str(path), os.path.join(args.done_dir, path.name))
        log.info("archived venue %r", slug)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
