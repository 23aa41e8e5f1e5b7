#!/usr/bin/env python3
"""Convert optimiser route files into GPX for the in-cab navigation units.

Route files land on the shared SFTP area, written either by our own optimiser
or by subcontracted hauliers who plan their own rounds.
"""
import argparse
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("route_export")

EXPORT_ROOT = Path(os.environ.get("ROUTE_EXPORT_ROOT", "/var/lib/routes/export"))
GPSBABEL = os.environ.get("GPSBABEL_BIN", "/usr/bin/gpsbabel")
TRUCK_ID_RE = re.compile(r"[A-Z]{2,3}-?\d{2,4}")


def load_route(path: Path) -> dict:
    with path.open() as fh:
        route = json.load(fh)
    if "stops" not in route or "truck_id" not in route:
        raise ValueError(f"{path} is not a route file")
    if not TRUCK_ID_RE.fullmatch(str(route["truck_id"])):
        raise ValueError(f"{path} has an invalid truck id")
    return route


def write_waypoints(route: dict, path: Path, workdir: Path) -> Path:
    csv_path = workdir / f"{path.stem}.csv"
    with csv_path.open("w") as fh:
        fh.write("lat,lon,name\n")
        for seq, stop in enumerate(route["stops"], 1):
            fh.write(f"{float(stop['lat']):.6f},{float(stop['lon']):.6f},{seq:03d}\n")
    return csv_path


def gpx_command(src: Path, route: dict) -> list:
    target = EXPORT_ROOT / f"{route['truck_id']}.gpx"
    label = route.get("name") or route.get("route_id", "route")
    label = re.sub(r"[^A-Za-z0-9 _.-]", "", str(label))[:40] or "route"
    return [
        GPSBABEL,
        "-i", "unicsv",
        "-f", str(src),
        "-x", "transform,rte=wpt",
        "-o", f"gpx,creator={label}",
        "-F", str(target),
    ]


def export(path: Path, workdir: Path) -> int:
    route = load_route(path)
    src = write_waypoints(route, path, workdir)
    cmd = gpx_command(src, route)
    log.info("exporting %s (%d stops)", path.name, len(route["stops"]))
    status = subprocess.run(cmd, check=False).returncode
    if status != 0:
        log.error("gpsbabel failed for %s (status %s)", path, status)
    return status


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("routes", nargs="+", type=Path)
    ap.add_argument("--workdir", type=Path, default=Path("/var/lib/routes/work"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    args.workdir.mkdir(parents=True, exist_ok=True)
    EXPORT_ROOT.mkdir(parents=True, exist_ok=True)
    failures = 0
    for path in args.routes:
        try:
            failures += export(path, args.workdir) != 0
        except (ValueError, KeyError) as exc:
            log.warning("skipping %s: %s", path, exc)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
