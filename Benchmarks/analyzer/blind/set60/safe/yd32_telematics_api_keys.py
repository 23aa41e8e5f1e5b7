"""Issue API keys for tractor / combine telematics units and register them with the fleet service."""
import argparse
import hashlib
import logging
import os
import secrets
import sqlite3
import time

import requests

log = logging.getLogger("telematics.keys")

FLEET_API = "https://fleet.agri-telematics.example/v1"
FLEET_TOKEN = os.environ.get("FLEET_API_TOKEN", "")
FLEET_CA_BUNDLE = os.environ.get("FLEET_CA_BUNDLE", True)
KEY_PREFIX = "agk_"


def issue_key(device_id: str) -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def store_key(conn: sqlite3.Connection, device_id: str, key: str) -> None:
    digest = hashlib.sha256(key.encode()).hexdigest()
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO device_keys (device_id, key_sha256, issued_at) VALUES (?, ?, ?)",
            (device_id, digest, int(time.time())),
        )


def register_with_fleet(device_id: str, key: str) -> None:
    resp = requests.post(
        f"{FLEET_API}/devices/{device_id}/credentials",
        json={"key_hint": key[-4:], "issued_by": "farm-ops"},
        headers={"Authorization": f"Bearer {FLEET_TOKEN}"},
        timeout=10,
        verify=FLEET_CA_BUNDLE,
    )
    resp.raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser(description="Issue telematics API keys")
    parser.add_argument("device_ids", nargs="+")
    parser.add_argument("--db", default="/var/lib/farmops/telematics.db")
    parser.add_argument("--no-register", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    conn = sqlite3.connect(args.db)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS device_keys (device_id TEXT PRIMARY KEY, key_sha256 TEXT, issued_at INT)"
    )
    for device_id in args.device_ids:
        key = issue_key(device_id)
        store_key(conn, device_id, key)
        if not args.no_register:
            try:
                register_with_fleet(device_id, key)
            except requests.RequestException as exc:
                log.error("fleet registration failed for %r: %r", device_id, exc)
                continue
        print(f"{device_id}\t{key}")
    conn.close()


if __name__ == "__main__":
    main()
