#!/usr/bin/env python3
"""Cron job: prune stale artifacts from the CI cache volumes."""
import argparse
import logging
import os
import re
import subprocess
import sys

CACHE_ROOT = os.path.realpath(os.environ.get("CI_CACHE_ROOT", "/var/cache/ci"))
DEFAULT_PATTERN = os.environ.get("CI_CACHE_PATTERN", "*.tar.zst")
DEFAULT_MAX_AGE = int(os.environ.get("CI_CACHE_MAX_AGE_DAYS", "14"))
VOLUME_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def build_find_command(directory: str, pattern: str, days: int, dry_run: bool) -> list:
    action = ["-print"] if dry_run else ["-print", "-delete"]
    return ["find", directory, "-type", "f", "-name", pattern, "-mtime", f"+{days}", *action]


def prune(directory: str, pattern: str, days: int, dry_run: bool) -> int:
    cmd = build_find_command(directory, pattern, days, dry_run)
    logging.info("pruning %r (pattern=%r, older than %d days)", directory, pattern, days)
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        logging.error("find failed for %r: %r", directory, result.stderr.strip())
        return 0
    removed = [line for line in result.stdout.splitlines() if line]
    logging.info("%s %d files in %r", "would remove" if dry_run else "removed", len(removed), directory)
    return len(removed)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=DEFAULT_MAX_AGE)
    parser.add_argument("--pattern", default=DEFAULT_PATTERN)
    parser.add_argument("--volume", action="append", dest="volumes",
                        help="cache volume under the cache root (repeatable)")
    parser.add_argument("--dry-run", action="store_true")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = parse_args(argv)
    if args.days < 1:
        logging.error("--days must be at least 1")
        return 2
    volumes = args.volumes or os.environ.get("CI_CACHE_VOLUMES", "").split(",")
    total = 0
    for volume in filter(None, (v.strip() for v in volumes)):
        if not VOLUME_RE.match(volume) or volume in {".", ".."}:
            logging.warning("skipping invalid volume name %r", volume)
            continue
        directory = os.path.join(CACHE_ROOT, volume)
        if not os.path.isdir(directory):
            logging.warning("skipping missing volume %r", volume)
            continue
        total += prune(directory, args.pattern, args.days, args.dry_run)
    logging.info("done: %d files", total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
