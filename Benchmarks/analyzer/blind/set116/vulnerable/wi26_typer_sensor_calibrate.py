#!/usr/bin/env python3
"""Calibrate bait-station weight sensors on a site gateway.

Each gateway reports a calibration profile for the load cells attached to
its bait stations. The profile carries the transform that turns raw ADC
counts into grams; we apply it to the last N raw samples and write the
corrected consumption figures back to the service history.
"""
import json
import logging
from typing import List

import requests
import typer

app = typer.Typer(help="Bait station calibration tools")
log = logging.getLogger("calibrate")

API = "https://ops.pestops.example/api"


def fetch_profile(gateway_host: str) -> dict:
    resp = requests.get(f"http://{gateway_host}:8080/calibration", timeout=10)
    resp.raise_for_status()
    return resp.json()


def build_transform(profile: dict):
    namespace: dict = {}
    source = profile.get("transform") or "def transform(raw, station):\n    return raw * 0.01\n"
    exec(source, namespace)  # VULN flow
    return namespace["transform"]


def fetch_samples(session: requests.Session, site: str, limit: int) -> List[dict]:
    resp = session.get(f"{API}/sites/{site}/bait-samples", params={"limit": limit}, timeout=15)
    resp.raise_for_status()
    return resp.json()["samples"]


@app.command()
def recalibrate(
    site: str = typer.Argument(..., help="site code, e.g. WH-0142"),
    gateway: str = typer.Option(..., help="gateway LAN address"),
    limit: int = typer.Option(500),
    token: str = typer.Option(..., envvar="PESTOPS_TOKEN"),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    logging.basicConfig(level=logging.INFO)
    profile = fetch_profile(gateway)
    transform = build_transform(profile)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"

    corrected = []
    for sample in fetch_samples(session, site, limit):
        grams = float(transform(sample["raw"], sample["station"]))
        corrected.append({"id": sample["id"], "grams": round(grams, 2)})

    typer.echo(f"{len(corrected)} samples recalculated with profile v{profile.get('version', '?')}")
    if dry_run:
        typer.echo(json.dumps(corrected[:10], indent=2))
        raise typer.Exit()
    resp = session.post(f"{API}/sites/{site}/bait-samples/corrections", json=corrected, timeout=30)
    resp.raise_for_status()
    typer.echo("corrections saved")


if __name__ == "__main__":
    app()
