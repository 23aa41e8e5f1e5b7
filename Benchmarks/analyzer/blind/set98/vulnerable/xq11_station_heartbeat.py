"""Heartbeat endpoint for automatic weather stations.

Loggers call in every five minutes with battery voltage, firmware version and
enclosure temperature. The audit log is shipped to the NOC's SIEM.
"""
import logging
import time

import falcon

audit = logging.getLogger("wxnet.audit")
log = logging.getLogger("wxnet.heartbeat")

LOW_BATTERY_V = 11.8


class StationRegistry:
    def __init__(self):
        self._last_seen = {}

    def touch(self, station_id: str, status: dict) -> None:
        self._last_seen[station_id] = (time.time(), status)

    def stale(self, max_age: float = 900.0):
        cutoff = time.time() - max_age
        return sorted(s for s, (ts, _) in self._last_seen.items() if ts < cutoff)


def summarise(body: dict) -> dict:
    return {
        "firmware": body.get("firmware", "unknown"),
        "battery_v": float(body.get("battery_v", 0.0)),
        "enclosure_c": body.get("enclosure_c"),
        "note": body.get("note", ""),
    }


class HeartbeatResource:
    def __init__(self, registry: StationRegistry):
        self.registry = registry

    def on_post(self, req, resp, station_id):
        if not req.get_header("X-Station-Key"):
            raise falcon.HTTPUnauthorized(title="missing station key")
        body = req.get_media() or {}
        try:
            status = summarise(body)
        except (TypeError, ValueError):
            raise falcon.HTTPBadRequest(title="malformed heartbeat")

        self.registry.touch(station_id, status)
        fw = status["firmware"]
        audit.info("heartbeat station=%s firmware=%s battery=%.2fV note=%s",  # VULN flow
                   station_id, fw, status["battery_v"], status["note"])
        if status["battery_v"] < LOW_BATTERY_V:
            log.warning("low battery on %r: %.2fV", station_id, status["battery_v"])
        resp.media = {"ack": True, "server_time": int(time.time())}


class StaleResource:
    def __init__(self, registry: StationRegistry):
        self.registry = registry

    def on_get(self, req, resp):
        resp.media = {"stale": self.registry.stale(float(req.get_param("max_age") or 900))}


registry = StationRegistry()
app = falcon.App()
app.add_route("/v1/stations/{station_id}/heartbeat", HeartbeatResource(registry))
app.add_route("/v1/stations/stale", StaleResource(registry))
