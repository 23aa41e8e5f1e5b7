"""Truck routing helper for the tour itinerary.

Pulls drive times between consecutive venues from the fleet routing provider
and flags legs that would break the drivers' hours rules.
"""
import logging
from dataclasses import dataclass
from datetime import date
from typing import List

import requests

log = logging.getLogger("routing")

ROUTING_BASE = "https://api.fleetroute.example.com/v2"
ROUTING_API_KEY = "fr_live_9c1e7a44d2b04f6fa3d1c0e8b7a55e21"  # VULN
MAX_DRIVE_HOURS = 9.0


@dataclass
class Stop:
    venue: str
    city: str
    lat: float
    lon: float
    load_in: date


class RoutingClient:
    def __init__(self, base: str = ROUTING_BASE, api_key: str = ROUTING_API_KEY):
        self.base = base
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})

    def drive_time(self, a: Stop, b: Stop, vehicle: str = "hgv-44t") -> dict:
        params = {
            "from": f"{a.lat},{a.lon}",
            "to": f"{b.lat},{b.lon}",
            "vehicle": vehicle,
            "avoid": "low-bridges",
        }
        resp = self.session.get(f"{self.base}/route", params=params, timeout=20, verify=False)  # VULN
        resp.raise_for_status()
        return resp.json()


def check_itinerary(stops: List[Stop], client: RoutingClient) -> List[dict]:
    report = []
    for a, b in zip(stops, stops[1:]):
        route = client.drive_time(a, b)
        hours = route["duration_s"] / 3600
        days_between = (b.load_in - a.load_in).days
        flagged = hours > MAX_DRIVE_HOURS and days_between <= 1
        if flagged:
            log.warning("leg %s -> %s is %.1fh with %d day(s) gap", a.city, b.city, hours, days_between)
        report.append({
            "from": a.venue,
            "to": b.venue,
            "km": round(route["distance_m"] / 1000),
            "hours": round(hours, 1),
            "needs_double_driver": flagged,
        })
    return report


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    legs = [
        Stop("O2 Academy", "Glasgow", 55.850, -4.263, date(2024, 10, 3)),
        Stop("Albert Hall", "Manchester", 53.477, -2.246, date(2024, 10, 4)),
        Stop("Colston Hall", "Bristol", 51.454, -2.598, date(2024, 10, 6)),
    ]
    for leg in check_itinerary(legs, RoutingClient()):
        print(leg)
