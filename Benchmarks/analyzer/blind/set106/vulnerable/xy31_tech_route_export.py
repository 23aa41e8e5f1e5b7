#!/usr/bin/env python3
"""Nightly export of next-day technician routes for the regional depots.

For each dispatch region we write one CSV per technician, pack them into a
tarball and leave it on the depot share where the depot PCs pick it up.
"""
import csv
import logging
import os
import subprocess
from datetime import date, timedelta

import requests

log = logging.getLogger("routes.export")

DISPATCH_API = os.environ.get("DISPATCH_API", "https://dispatch.internal.example-telco.net/api")
API_TOKEN = os.environ.get("DISPATCH_TOKEN", "")
EXPORT_ROOT = "/srv/depot-share/routes"


def api_get(path, **params):
    resp = requests.get(f"{DISPATCH_API}{path}", params=params,
                        headers={"Authorization": f"Bearer {API_TOKEN}"}, timeout=30)
    resp.raise_for_status()
    return resp.json()


def write_region(region, day):
    region_dir = os.path.join(EXPORT_ROOT, day.isoformat(), os.path.basename(region["code"]))
    os.makedirs(region_dir, exist_ok=True)
    routes = api_get(f"/regions/{region['id']}/routes", day=day.isoformat())
    for route in routes:
        tech_file = os.path.basename(str(route["tech_id"])) + ".csv"
        with open(os.path.join(region_dir, tech_file), "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["seq", "job_id", "site", "address", "window", "task"])
            for i, stop in enumerate(route["stops"], 1):
                w.writerow([i, stop["job_id"], stop["site_code"], stop["address"],
                            stop["window"], stop["task"]])
    return region_dir


def pack(region_dir, label):
    archive = f"{region_dir}.tar.gz"
    cmd = f"tar -czf '{archive}' -C '{os.path.dirname(region_dir)}' '{label}'"
    subprocess.run(cmd, shell=True, check=True)  # VULN flow
    os.chmod(archive, 0o777)  # VULN
    return archive


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    day = date.today() + timedelta(days=1)
    for region in api_get("/regions", active="true"):
        try:
            region_dir = write_region(region, day)
            archive = pack(region_dir, region["code"])
            log.info("exported routes for region %r to %s", region["code"], archive)
        except (requests.RequestException, subprocess.CalledProcessError) as exc:
            log.error("region %r failed: %r", region.get("code"), exc)


if __name__ == "__main__":
    main()
