"""Reachability sweep for remote terminal units listed in the asset register.

Pulls the RTU list for an operating area from the asset API and pings each
unit's management address; results go to stdout and optionally a CSV file.
"""
import csv
import logging
import os
import time

import click
import requests

log = logging.getLogger("rtu_sweep")

ASSET_API = os.environ.get("ASSET_API", "https://assets.ops.internal/api/v2")


def fetch_rtus(area: str, token: str) -> list:
    r = requests.get(f"{ASSET_API}/rtus", params={"area": area, "status": "in_service"},
                     headers={"Authorization": f"Bearer {token}"}, timeout=20)
    r.raise_for_status()
    return r.json()["items"]


def ping(host: str, count: int = 2, wait: int = 2) -> bool:
    cmd = f"ping -c {count} -W {wait} {host} > /dev/null 2>&1"
    return os.system(cmd) == 0  # VULN flow


def mgmt_address(rtu: dict) -> str:
    return rtu.get("mgmt_address") or rtu.get("hostname") or ""


@click.command()
@click.option("--area", required=True, help="Operating area code, e.g. NORTH-03")
@click.option("--count", default=2, show_default=True, type=click.IntRange(1, 10))
@click.option("--output", type=click.Path(dir_okay=False, writable=True), default=None)
def sweep(area: str, count: int, output: str):
    """Ping every in-service RTU in AREA."""
    logging.basicConfig(level=logging.INFO)
    token = os.environ["ASSET_API_TOKEN"]
    results = []
    for rtu in fetch_rtus(area, token):
        host = mgmt_address(rtu)
        if not host:
            log.warning("RTU %r has no management address", rtu.get("tag"))
            continue
        started = time.monotonic()
        ok = ping(host, count=count)
        results.append({"tag": rtu.get("tag"), "host": host, "ok": ok,
                        "elapsed_s": round(time.monotonic() - started, 2)})
        click.echo(f"{rtu.get('tag', '?'):<16} {host:<24} {'UP' if ok else 'DOWN'}")

    down = [r for r in results if not r["ok"]]
    click.echo(f"{len(results) - len(down)}/{len(results)} reachable")
    if output:
        with open(output, "w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["tag", "host", "ok", "elapsed_s"])
            writer.writeheader()
            writer.writerows(results)
    raise SystemExit(1 if down else 0)


if __name__ == "__main__":
    sweep()
