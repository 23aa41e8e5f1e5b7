#!/usr/bin/env python3
"""Apply field calibration bundles to indoor air-quality sensor data.

Technicians upload ``.npz`` bundles from the commissioning laptop to the
shared calibration inbox; this job fits them onto the raw sensor series.
"""
import argparse
import logging
from pathlib import Path
from typing import Dict

import numpy as np

log = logging.getLogger("calibration")

INBOX = Path("/srv/bms/calibration/inbox")
RAW_DIR = Path("/srv/bms/sensors/raw")
OUT_DIR = Path("/srv/bms/sensors/calibrated")
CHANNELS = ("co2", "tvoc", "pm25", "temp", "rh")


class CalibrationBundle:
    def __init__(self, sensor_id: str, gains: Dict[str, float], offsets: Dict[str, float]):
        self.sensor_id = sensor_id
        self.gains = gains
        self.offsets = offsets

    def apply(self, channel: str, values: np.ndarray) -> np.ndarray:
        return values * self.gains.get(channel, 1.0) + self.offsets.get(channel, 0.0)


def load_bundle(path: Path) -> CalibrationBundle:
    with np.load(path, allow_pickle=False) as data:
        sensor_id = str(data["sensor_id"])
        gains = dict(zip(CHANNELS, data["gains"].tolist()))
        offsets = dict(zip(CHANNELS, data["offsets"].tolist()))
    if not sensor_id.isalnum():
        raise ValueError("bad sensor id")
    return CalibrationBundle(sensor_id, gains, offsets)


def calibrate_sensor(bundle: CalibrationBundle) -> int:
    raw_path = RAW_DIR / f"{bundle.sensor_id}.npz"
    if not raw_path.exists():
        log.warning("no raw data for sensor %r", bundle.sensor_id)
        return 0
    with np.load(raw_path) as raw:
        out = {ch: bundle.apply(ch, raw[ch]) for ch in CHANNELS if ch in raw.files}
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT_DIR / f"{bundle.sensor_id}.npz", **out)
    return sum(len(v) for v in out.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--inbox", type=Path, default=INBOX)
    ap.add_argument("--keep", action="store_true", help="keep bundles after processing")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    for bundle_path in sorted(args.inbox.glob("*.npz")):
        try:
            bundle = load_bundle(bundle_path)
        except (KeyError, ValueError) as exc:
            log.error("bad bundle %r: %r", bundle_path.name, str(exc))
            continue
        n = calibrate_sensor(bundle)
        log.info("calibrated %d samples for %r", n, bundle.sensor_id)
        if not args.keep:
            bundle_path.unlink()


if __name__ == "__main__":
    main()
