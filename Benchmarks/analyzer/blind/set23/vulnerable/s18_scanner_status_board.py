"""Warehouse scanner status board (Tornado), exposed on the warehouse LAN and VPN."""
import logging
import os
import time
from dataclasses import dataclass, field
from typing import Optional

import tornado.ioloop
import tornado.web

log = logging.getLogger("scanboard")


@dataclass
class ScannerState:
    station: str
    last_seen: float = field(default_factory=time.time)
    scans_today: int = 0
    operator: str = ""


class StationRegistry:
    def __init__(self):
        self._states = {}

    def heartbeat(self, station: str, operator: str, scans: int) -> None:
        state = self._states.setdefault(station, ScannerState(station))
        state.last_seen = time.time()
        state.operator = operator
        state.scans_today = scans

    def get(self, station: str) -> Optional[ScannerState]:
        return self._states.get(station)


def render_station(station: str, state: Optional[ScannerState]) -> str:
    if state is None:
        return f"<div class='missing'>No scanner registered as <b>{station}</b></div>"
    age = int(time.time() - state.last_seen)
    return (
        f"<div class='station'><h2>{state.station}</h2>"
        f"<p>Operator: {state.operator}</p>"
        f"<p>{state.scans_today} scans today, last seen {age}s ago</p></div>"
    )


class HeartbeatHandler(tornado.web.RequestHandler):
    def initialize(self, registry: StationRegistry):
        self.registry = registry

    def post(self):
        station = self.get_body_argument("station")
        operator = self.get_body_argument("operator", "")
        scans = int(self.get_body_argument("scans", "0"))
        self.registry.heartbeat(station, operator, scans)
        self.write({"ok": True})


class StationHandler(tornado.web.RequestHandler):
    def initialize(self, registry: StationRegistry):
        self.registry = registry

    def get(self):
        station = self.get_argument("station", "")
        html = render_station(station, self.registry.get(station))
        self.write(html)  # VULN flow


def make_app() -> tornado.web.Application:
    registry = StationRegistry()
    routes = [
        (r"/heartbeat", HeartbeatHandler, {"registry": registry}),
        (r"/station", StationHandler, {"registry": registry}),
    ]
    return tornado.web.Application(routes, debug=True)  # VULN


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8888")))
    tornado.ioloop.IOLoop.current().start()
