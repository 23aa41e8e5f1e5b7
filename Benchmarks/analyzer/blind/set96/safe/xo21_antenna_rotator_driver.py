"""Drive the antenna rotator through tonight's pass schedule.

The schedule comes from the mission planning portal, where partner teams book
passes for their satellites and upload the az/el track for each pass.
"""
import logging
import os
import subprocess
import time

import click
import requests

SCHEDULE_URL = os.environ.get("SCHEDULE_URL", "https://planning.gs.internal/api/schedule/tonight")
ROTCTL = "/usr/bin/rotctl"
ROTATOR_MODEL = 603
ROTATOR_DEV = "/dev/ttyUSB0"

log = logging.getLogger("rotator")


def fetch_schedule(url: str, station: str) -> list:
    resp = requests.get(url, params={"station": station}, timeout=15)
    resp.raise_for_status()
    return resp.json()["passes"]


def rotctl(*args) -> int:
    cmd = [ROTCTL, "-m", str(ROTATOR_MODEL), "-r", ROTATOR_DEV, *[str(a) for a in args]]
    log.debug("rotctl: %r", cmd)
    return subprocess.call(cmd)


def track(p: dict, step_s: float) -> None:
    for point in p["track"]:
        wait = point["t"] - time.time()
        if wait > 0:
            time.sleep(min(wait, step_s))
        rc = rotctl("P", float(point["az"]), float(point["el"]))
        if rc != 0:
            log.warning("rotctl returned %d during pass %r", rc, p.get("id"))


@click.command()
@click.option("--station", default="GS1", show_default=True)
@click.option("--url", default=SCHEDULE_URL, show_default=True)
@click.option("--step", default=2.0, show_default=True, help="max seconds between updates")
@click.option("--dry-run", is_flag=True)
def main(station: str, url: str, step: float, dry_run: bool) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    passes = fetch_schedule(url, station)
    click.echo(f"{len(passes)} passes scheduled for {station}")
    for p in sorted(passes, key=lambda x: x["aos"]):
        log.info("next pass %r (%r) at %r", p.get("id"), p.get("satellite"), p["aos"])
        if dry_run or not p.get("track"):
            continue
        lead = p["aos"] - time.time() - 60
        if lead > 0:
            time.sleep(lead)
        first = p["track"][0]
        rotctl("P", float(first["az"]), float(first["el"]))
        track(p, step)
        rotctl("park")


if __name__ == "__main__":
    main()
