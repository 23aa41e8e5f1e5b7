"""Typer CLI for pulling and applying radar speed sensor calibrations.

Calibration models are produced by the analytics team and published on
the internal model registry; field techs run this on the roadside units.
"""
import json
import logging
import os
from pathlib import Path
from typing import Optional

import requests
import typer

app = typer.Typer(help="Radar sensor calibration tool")
log = logging.getLogger("calibration")

REGISTRY_URL = os.environ.get("CALIBRATION_REGISTRY", "https://models.traffic.city.internal")
REGISTRY_CA = os.environ.get("CALIBRATION_REGISTRY_CA", "/etc/ssl/certs/city-internal-ca.pem")
LOCAL_DIR = Path(os.environ.get("CALIBRATION_DIR", "/etc/radar/calibration"))


class Calibration:
    def __init__(self, sensor_id: str, offset: float, gain: float, lanes: dict):
        self.sensor_id = sensor_id
        self.offset = offset
        self.gain = gain
        self.lanes = lanes

    def correct(self, lane: str, speed_kmh: float) -> float:
        lane_gain = self.lanes.get(lane, 1.0)
        return round((speed_kmh + self.offset) * self.gain * lane_gain, 1)


def fetch_calibration(sensor_id: str, version: str = "latest"):
    url = f"{REGISTRY_URL}/calibrations/{sensor_id}/{version}"
    resp = requests.get(url, timeout=30, verify=REGISTRY_CA)
    resp.raise_for_status()
    return resp.content


def load_calibration(blob: bytes) -> Calibration:
    data = json.loads(blob)
    try:
        lanes = {str(k): float(v) for k, v in data.get("lanes", {}).items()}
        return Calibration(str(data["sensor_id"]), float(data["offset"]), float(data["gain"]), lanes)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise typer.BadParameter("registry returned something that is not a calibration")


@app.command()
def pull(sensor_id: str, version: str = "latest", dry_run: bool = False):
    """Download a calibration and store it for the sensor daemon."""
    model = load_calibration(fetch_calibration(sensor_id, version))
    summary = {"sensor": model.sensor_id, "offset": model.offset, "gain": model.gain}
    typer.echo(json.dumps(summary))
    if dry_run:
        return
    LOCAL_DIR.mkdir(parents=True, exist_ok=True)
    target = LOCAL_DIR / f"{sensor_id}.json"
    target.write_text(json.dumps({**summary, "lanes": model.lanes}))
    typer.echo(f"stored {target}")


@app.command()
def check(sensor_id: str, lane: str, speed: float, version: Optional[str] = None):
    """Show what a raw reading becomes after calibration."""
    model = load_calibration(fetch_calibration(sensor_id, version or "latest"))
    typer.echo(f"{speed} km/h -> {model.correct(lane, speed)} km/h")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
