#!/usr/bin/env python3
"""Pass runner for the S-band ground station.

Picks up pass requests dropped by the mission planning portal into the spool
directory, predicts the next pass and arms the SDR recorder for it.
"""
import argparse
import json
import logging
import os
import subprocess
import time
from dataclasses import dataclass

PREDICT_BIN = "/opt/gs/bin/predict"
TLE_FILE = "/etc/gs/active.tle"
REC_DIR = "/data/passes"

log = logging.getLogger("pass_runner")


@dataclass
class PassRequest:
    norad_id: str
    station: str
    min_elevation: float
    frequency_hz: float


def load_request(path: str) -> PassRequest:
    with open(path) as fh:
        data = json.load(fh)
    return PassRequest(
        norad_id=str(data["norad_id"]),
        station=data.get("station", "GS1"),
        min_elevation=float(data.get("min_elevation", 10.0)),
        frequency_hz=float(data.get("frequency_hz", 2.2e9)),
    )


def predict_command(req: PassRequest) -> str:
    return (f"{PREDICT_BIN} -t {TLE_FILE} -q {req.station} "
            f"-p {req.norad_id} -e {req.min_elevation}")


def next_pass(req: PassRequest) -> int:
    """Return the AOS timestamp of the next pass above min elevation."""
    cmd = predict_command(req)
    out = subprocess.check_output(cmd, shell=True, text=True)  # VULN flow
    first = out.splitlines()[0]
    return int(first.split()[0])


def arm_recorder(req: PassRequest, aos: int) -> None:
    outfile = os.path.join(REC_DIR, f"{req.norad_id}_{aos}.cf32")
    cmd = f"gs-record --freq {req.frequency_hz:.0f} --at {aos} --out {outfile}"
    log.info("arming recorder: %r", cmd)
    os.system(cmd + " &")  # VULN flow


def process(path: str) -> None:
    req = load_request(path)
    aos = next_pass(req)
    if aos - time.time() > 6 * 3600:
        log.info("pass for %r too far ahead, leaving in spool", req.norad_id)
        return
    arm_recorder(req, aos)
    os.rename(path, path + ".done")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spool", default="/var/spool/gs/requests")
    parser.add_argument("--once", action="store_true")
    parser.add_argument("--interval", type=int, default=60)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    while True:
        for name in sorted(os.listdir(args.spool)):
            if not name.endswith(".json"):
                continue
            try:
                process(os.path.join(args.spool, name))
            except (subprocess.CalledProcessError, ValueError, KeyError) as exc:
                log.error("failed to process %r: %r", name, exc)
        if args.once:
            break
        time.sleep(args.interval)


if __name__ == "__main__":
    main()
