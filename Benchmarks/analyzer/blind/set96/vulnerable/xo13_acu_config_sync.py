#!/usr/bin/env python3
"""Push antenna control unit (ACU) configuration to the ground stations.

Run from cron after the ops config repository is updated.
"""
import argparse
import json
import logging
import sys

import requests

STATIONS = {
    "gs1": "https://acu-gs1.ops.internal:8443/api/v1",
    "gs2": "https://acu-gs2.ops.internal:8443/api/v1",
    "gs3": "https://acu-gs3.ops.internal:8443/api/v1",
}
ACU_USER = "acu-admin"
ACU_PASSWORD = "Tr4ck1ng!Ku-band-2019"  # VULN

log = logging.getLogger("acu_sync")


def make_session() -> requests.Session:
    s = requests.Session()
    s.auth = (ACU_USER, ACU_PASSWORD)
    s.verify = False  # VULN
    s.headers["Content-Type"] = "application/json"
    return s


def load_config(path: str) -> dict:
    with open(path) as fh:
        cfg = json.load(fh)
    for key in ("version", "tracking_mode", "slew_limits", "stow_position"):
        if key not in cfg:
            raise ValueError(f"config missing {key}")
    return cfg


def current_version(session: requests.Session, base: str):
    resp = session.get(f"{base}/config/version", timeout=10)
    resp.raise_for_status()
    return resp.json().get("version")


def push(session: requests.Session, base: str, cfg: dict) -> dict:
    resp = session.put(f"{base}/config", data=json.dumps(cfg), timeout=30)
    resp.raise_for_status()
    return resp.json()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("config")
    ap.add_argument("--station", choices=sorted(STATIONS), action="append")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    cfg = load_config(args.config)
    session = make_session()
    failed = 0
    for name in args.station or sorted(STATIONS):
        base = STATIONS[name]
        try:
            version = current_version(session, base)
            if version == cfg["version"]:
                log.info("%s already at %s", name, version)
                continue
            if args.dry_run:
                log.info("%s: would push %s -> %s", name, version, cfg["version"])
                continue
            result = push(session, base, cfg)
            log.info("%s updated: %s", name, result.get("status"))
        except requests.RequestException as exc:
            log.error("%s: push failed: %s", name, exc)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
