#!/usr/bin/env python3
"""Load discovery-scan JSON (masscan/nmap converted) into the asset database.

Hostnames and service banners come straight off the wire, so they are
whatever the scanned devices decide to announce.
"""
import argparse
import json
import logging
import sqlite3
import sys
from datetime import datetime, timezone

log = logging.getLogger("asset_import")

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS hosts (ip TEXT PRIMARY KEY, hostname TEXT, os_guess TEXT, scanned_at TEXT)",
    "CREATE TABLE IF NOT EXISTS services (ip TEXT, port INTEGER, proto TEXT, banner TEXT)",
]


def upsert_host(conn: sqlite3.Connection, host: dict, scanned_at: str) -> None:
    row = {
        "ip": host["ip"],
        "hostname": host.get("hostname") or "",
        "os_guess": (host.get("os") or {}).get("name", ""),
        "scanned_at": scanned_at,
    }
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT OR REPLACE INTO hosts ({cols}) VALUES ({marks})", tuple(row.values()))


def replace_services(conn: sqlite3.Connection, ip: str, services: list) -> int:
    conn.execute("DELETE FROM services WHERE ip = ?", (ip,))
    count = 0
    for svc in services:
        port = int(svc["port"])
        proto = svc.get("proto", "tcp")
        banner = (svc.get("banner") or "")[:512]
        conn.execute("INSERT INTO services (ip, port, proto, banner) VALUES (?, ?, ?, ?)", (ip, port, proto, banner))
        count += 1
    return count


def load(path: str, db_path: str) -> tuple:
    with open(path, encoding="utf-8") as fh:
        scan = json.load(fh)
    scanned_at = scan.get("finished") or datetime.now(timezone.utc).isoformat()
    conn = sqlite3.connect(db_path)
    for stmt in SCHEMA:
        conn.execute(stmt)
    hosts = services = 0
    with conn:
        for host in scan.get("hosts", []):
            upsert_host(conn, host, scanned_at)
            services += replace_services(conn, host["ip"], host.get("services", []))
            hosts += 1
    conn.close()
    return hosts, services


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("scan_files", nargs="+")
    ap.add_argument("--db", default="/var/lib/assets/assets.db")
    args = ap.parse_args()
    for path in args.scan_files:
        try:
            h, s = load(path, args.db)
        except (OSError, json.JSONDecodeError, KeyError) as exc:
            log.error("%s: %s", path, exc)
            return 1
        log.info("%s: %d hosts, %d services", path, h, s)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
