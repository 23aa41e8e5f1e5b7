"""Thin client for the commercial ground-station network booking API.

Used by the mission planning tools to find and book downlink passes.
"""
import json
import os
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Optional

API_BASE = "https://api.gsnet.example/v2"
API_KEY = os.environ.get("GSNET_API_KEY", "")
CA_FILE = os.environ.get("GSNET_CA_FILE")


class GroundNetError(RuntimeError):
    pass


@dataclass
class PassWindow:
    station: str
    norad_id: int
    aos: str
    los: str
    max_elevation: float


def _ssl_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=CA_FILE)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


class GroundNetClient:
    def __init__(self, api_key: str = API_KEY, base: str = API_BASE, timeout: float = 15.0):
        if not api_key:
            raise GroundNetError("no API key configured (GSNET_API_KEY)")
        self.api_key = api_key
        self.base = base.rstrip("/")
        self.timeout = timeout
        self._ctx = _ssl_context()

    def _request(self, method: str, path: str, payload=None, query: Optional[dict] = None):
        url = self.base + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Authorization", f"Bearer {self.api_key}")
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout, context=self._ctx) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            raise GroundNetError(f"{method} {path} failed: HTTP {exc.code}") from exc
        return json.loads(body) if body else None

    def stations(self, band: Optional[str] = None) -> list:
        return self._request("GET", "/stations", query={"band": band} if band else None)

    def available_passes(self, norad_id: int, start: str, end: str, min_el: float = 10.0) -> list:
        rows = self._request("GET", "/passes", query={
            "norad_id": norad_id, "start": start, "end": end, "min_elevation": min_el,
        })
        return [PassWindow(r["station"], norad_id, r["aos"], r["los"], r["max_elevation"]) for r in rows]

    def book(self, window: PassWindow) -> str:
        result = self._request("POST", "/bookings", payload={
            "station": window.station, "norad_id": window.norad_id,
            "aos": window.aos, "los": window.los,
        })
        return result["booking_id"]

    def cancel(self, booking_id: str) -> None:
        self._request("DELETE", "/bookings/" + urllib.parse.quote(str(booking_id), safe=""))
