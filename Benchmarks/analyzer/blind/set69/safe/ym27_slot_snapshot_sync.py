"""Nightly sync of airport slot allocations from the slot coordinator.

The coordinator publishes a compressed snapshot of the season's allocated
slots; we load it into the local scheduling database so the planning
team can compare against the airline's schedule.
"""
import argparse
import json
import logging
import sqlite3
import sys
import zlib

import requests

log = logging.getLogger("slots.sync")

DEFAULT_SOURCE = "https://slots.coordinator.example.org/export/{season}/{airport}.json.z"
DB_PATH = "/var/lib/planning/slots.db"


def fetch_snapshot(url: str) -> bytes:
    resp = requests.get(url, timeout=60, headers={"Accept": "application/octet-stream"})
    resp.raise_for_status()
    return resp.content


def decode_snapshot(blob: bytes):
    payload = zlib.decompress(blob)
    snapshot = json.loads(payload)
    if not isinstance(snapshot, dict) or "slots" not in snapshot:
        raise ValueError("unexpected snapshot layout")
    return snapshot


def load_slots(conn, airport, season, slots):
    conn.execute("DELETE FROM slot_allocations WHERE airport = ? AND season = ?", (airport, season))
    conn.executemany(
        "INSERT INTO slot_allocations (airport, season, carrier, flight_no, arr_dep, "
        "slot_time, days_of_op, seats, aircraft) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(airport, season, s["carrier"], s["flight"], s["ad"], s["time"], s["dop"],
          int(s.get("seats", 0)), s.get("acft", "")) for s in slots],
    )
    conn.commit()


def main(argv=None):
    parser = argparse.ArgumentParser(description="sync slot allocations")
    parser.add_argument("--airport", required=True)
    parser.add_argument("--season", required=True, help="e.g. S25 or W25")
    parser.add_argument("--source", default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)

    url = args.source.format(season=args.season, airport=args.airport.upper())
    try:
        snapshot = decode_snapshot(fetch_snapshot(url))
    except (requests.RequestException, zlib.error, ValueError, EOFError) as exc:
        log.error("snapshot unavailable: %r", exc)
        return 1
    with sqlite3.connect(DB_PATH) as conn:
        load_slots(conn, args.airport.upper(), args.season, snapshot["slots"])
    log.info("loaded %d slots for %s %s (snapshot %r)", len(snapshot["slots"]),
             args.airport.upper(), args.season, snapshot.get("generated"))
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
