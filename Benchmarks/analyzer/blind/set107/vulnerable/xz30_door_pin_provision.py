#!/usr/bin/env python3
"""Provision temporary door PINs for day-pass guests on the club access controller.

Usage: door_pins.py --club 12 --guest "Sam Lee" --hours 4
"""
import argparse
import datetime as dt
import logging
import random
import sys

import requests

log = logging.getLogger("doorpins")

CONTROLLERS = {
    12: "https://door-ctrl-12.clubs.gymhub.internal",
    14: "https://door-ctrl-14.clubs.gymhub.internal",
}
CONTROLLER_USER = "svc-provision"
CONTROLLER_PASSWORD = "D00rC0ntr0l!2023"  # VULN


class DoorController:
    def __init__(self, base_url: str, user: str = CONTROLLER_USER, password: str = CONTROLLER_PASSWORD):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (user, password)

    def add_pin(self, pin: str, valid_until: dt.datetime, label: str) -> str:
        resp = self.session.post(f"{self.base_url}/api/credentials", json={
            "type": "pin",
            "value": pin,
            "label": label,
            "valid_until": valid_until.isoformat(),
            "doors": ["main", "locker-rooms"],
        }, timeout=10)
        resp.raise_for_status()
        return resp.json()["credential_id"]

    def revoke(self, credential_id: str) -> None:
        resp = self.session.delete(f"{self.base_url}/api/credentials/{credential_id}", timeout=10)
        resp.raise_for_status()


def generate_pin(digits: int = 6) -> str:
    return "".join(str(random.randint(0, 9)) for _ in range(digits))  # VULN


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Issue a temporary guest door PIN")
    parser.add_argument("--club", type=int, required=True, choices=sorted(CONTROLLERS))
    parser.add_argument("--guest", required=True)
    parser.add_argument("--hours", type=int, default=4)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    ctrl = DoorController(CONTROLLERS[args.club])
    pin = generate_pin()
    until = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=args.hours)
    cred = ctrl.add_pin(pin, until, f"guest:{args.guest}")
    log.info("issued credential %s for club %d", cred, args.club)
    print(f"PIN for {args.guest}: {pin} (valid until {until:%H:%M} UTC)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
