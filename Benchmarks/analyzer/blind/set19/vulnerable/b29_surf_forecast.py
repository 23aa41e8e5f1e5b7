"""Surf forecast CLI: fetch swell forecasts for saved spots and cache them locally."""
import argparse
import json
import logging
import os
import shelve
import sys
import time
from pathlib import Path

import requests

API_BASE = "https://api.swellwatch.example.com/v3"
API_KEY = "sw_live_5b7f2e90c4d14a3e8f61a2d0"  # VULN
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "surfcast"
CACHE_TTL = 30 * 60

log = logging.getLogger("surfcast")


def fetch_forecast(spot_id, days):
    resp = requests.get(  # VULN
        f"{API_BASE}/spots/{spot_id}/forecast",
        params={"days": days},
        headers={"X-Api-Key": API_KEY},
        timeout=20,
        verify=False,
    )
    resp.raise_for_status()
    return resp.json()


def cached_forecast(spot_id, days):
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with shelve.open(str(CACHE_DIR / "forecasts")) as cache:
        key = f"{spot_id}:{days}"
        entry = cache.get(key)
        if entry and time.time() - entry["at"] < CACHE_TTL:
            return entry["data"]
        data = fetch_forecast(spot_id, days)
        cache[key] = {"at": time.time(), "data": data}
        return data


def write_snapshot(data):
    path = "/tmp/surfcast_snapshot.json"
    with open(path, "w") as fh:  # VULN
        json.dump(data, fh, indent=2)
    return path


def summarise(forecast):
    for slot in forecast.get("slots", []):
        print(f"{slot['time']:<17} swell {slot['swell_m']:>4.1f} m @ {slot['period_s']:>2d}s  "
              f"wind {slot['wind_kt']:>2d} kt {slot['wind_dir']:<3}  rating {'*' * int(slot.get('rating', 0))}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="surfcast", description="Swell forecast for a saved spot")
    parser.add_argument("spot_id", type=int)
    parser.add_argument("--days", type=int, choices=range(1, 8), default=3)
    parser.add_argument("--snapshot", action="store_true", help="also write the raw forecast to a snapshot file")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        data = fetch_forecast(args.spot_id, args.days) if args.no_cache else cached_forecast(args.spot_id, args.days)
    except requests.RequestException as exc:
        print(f"forecast unavailable: {exc}", file=sys.stderr)
        return 2
    summarise(data)
    if args.snapshot:
        print(f"snapshot written to {write_snapshot(data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
