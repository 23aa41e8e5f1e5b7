#!/usr/bin/env python3
"""Hourly cron: pull the latest GFS 0.25deg surface fields and extract 2 m
temperature / 10 m wind to CSV for the point-forecast service."""
import argparse
import logging
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

import requests

log = logging.getLogger("gfs.extract")

NOMADS = "https://nomads.ncep.noaa.gov/pub/data/nccf/com/gfs/prod"
FIELDS = {
    "t2m": ":TMP:2 m above ground:",
    "u10": ":UGRD:10 m above ground:",
    "v10": ":VGRD:10 m above ground:",
}


def latest_cycle(now: datetime) -> datetime:
    lagged = now - timedelta(hours=5)
    return lagged.replace(hour=(lagged.hour // 6) * 6, minute=0, second=0, microsecond=0)


def grib_url(cycle: datetime, fhour: int) -> str:
    ymd, hh = cycle.strftime("%Y%m%d"), cycle.strftime("%H")
    return f"{NOMADS}/gfs.{ymd}/{hh}/atmos/gfs.t{hh}z.pgrb2.0p25.f{fhour:03d}"


def fetch_grib(url: str) -> str:
    fd, tmp_path = tempfile.mkstemp(suffix=".grib2", prefix="gfs_")
    with requests.get(url, stream=True, timeout=120) as resp:
        resp.raise_for_status()
        with os.fdopen(fd, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 20):
                fh.write(chunk)
    return tmp_path


def extract(grib_path: str, out_dir: str, tag: str) -> None:
    for name, match in FIELDS.items():
        out_csv = os.path.join(out_dir, f"{tag}_{name}.csv")
        subprocess.run(["wgrib2", grib_path, "-match", match, "-csv", out_csv],
                       check=True, capture_output=True, timeout=600)


def publish_dir(base: str, cycle: datetime) -> str:
    out_dir = os.path.join(base, cycle.strftime("%Y%m%d%H"))
    os.makedirs(out_dir, exist_ok=True)
    # the point-forecast workers run as a different user in the wxdata group
    os.chmod(out_dir, 0o750)
    return out_dir


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default="/srv/gfs/csv")
    ap.add_argument("--hours", type=int, nargs="+", default=[0, 3, 6, 9, 12])
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    cycle = latest_cycle(datetime.now(timezone.utc))
    out_dir = publish_dir(args.out, cycle)
    for fh in args.hours:
        url = grib_url(cycle, fh)
        log.info("fetching %s", url)
        path = fetch_grib(url)
        try:
            extract(path, out_dir, f"f{fh:03d}")
        except subprocess.CalledProcessError as exc:
            log.error("wgrib2 failed for f%03d: %s", fh, exc.stderr.decode(errors="replace")[:300])
            return 1
        finally:
            os.unlink(path)
    log.info("cycle %s done", cycle.isoformat())
    return 0


if __name__ == "__main__":
    sys.exit(main())
