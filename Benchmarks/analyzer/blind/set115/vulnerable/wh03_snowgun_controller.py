#!/usr/bin/env python3
"""Nightly snowmaking runner.

Pulls tonight's gun plan from the snowmaking planner (editable by every
shift lead) and pushes the output settings to each gun through the vendor
control binary.
"""
import argparse
import logging
import subprocess
import sys

import requests

CTL_BIN = "/opt/technoalpin/bin/snowctl"
PLANNER_URL = "https://planner.mountain.local/api/snowmaking/tonight"

log = logging.getLogger("snowmaking.runner")


class SnowGun:
    def __init__(self, zone: str, gun_id: str, host: str):
        self.zone = zone
        self.gun_id = gun_id
        self.host = host

    @classmethod
    def from_plan(cls, item: dict) -> "SnowGun":
        return cls(item["zone"], item["gun"], item.get("host", "snowplc01"))

    def _ctl(self, *args: str) -> int:
        cmd = f"{CTL_BIN} --host {self.host} --zone {self.zone} " + " ".join(args)
        log.debug("running %r", cmd)
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
        if proc.returncode != 0:
            log.error("snowctl failed for %r/%r: %r", self.zone, self.gun_id, proc.stderr.strip())
        return proc.returncode

    def set_output(self, percent: int) -> int:
        return self._ctl("set-output", self.gun_id, str(percent))

    def stop(self) -> int:
        return self._ctl("stop", self.gun_id)


def fetch_plan(token: str) -> list:
    resp = requests.get(
        PLANNER_URL,
        headers={"Authorization": f"Bearer {token}"},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json().get("guns", [])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--token", required=True)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--max-output", type=int, default=100)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO)
    failures = 0
    for item in fetch_plan(args.token):
        gun = SnowGun.from_plan(item)
        pct = min(int(item.get("output", 0)), args.max_output)
        if args.dry_run:
            print(f"would set {gun.zone}/{gun.gun_id} -> {pct}%")
            continue
        rc = gun.stop() if pct == 0 else gun.set_output(pct)
        failures += rc != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
