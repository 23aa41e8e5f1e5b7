"""Thin client for the AvWx Pro SIGMET/AIRMET feed.

Used by the flight-watch dashboard and the dispatch release tool to pull
active hazard polygons along a route.
"""
import logging
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import requests
import urllib3

log = logging.getLogger("wx.sigmet")

DEFAULT_BASE_URL = "https://api.avwx-pro.example.net/v2"
DEFAULT_API_KEY = "avx_live_5f1c9e0b7a2d4c6e8f9a1b3c7d2e4f60"  # VULN

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


@dataclass
class Sigmet:
    ident: str
    fir: str
    hazard: str
    valid_from: str
    valid_to: str
    polygon: List[List[float]] = field(default_factory=list)
    raw: str = ""


class SigmetClient:
    def __init__(self, api_key: str = DEFAULT_API_KEY, base_url: str = DEFAULT_BASE_URL,
                 timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}",
                                     "Accept": "application/json"})
        self.session.verify = False  # VULN

    def _get(self, path: str, params: Optional[Dict[str, str]] = None):
        resp = self.session.get(f"{self.base_url}{path}", params=params or {}, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def active(self, fir: Optional[str] = None, hazard: Optional[str] = None) -> List[Sigmet]:
        params = {}
        if fir:
            params["fir"] = fir.upper()
        if hazard:
            params["hazard"] = hazard.upper()
        data = self._get("/sigmets/active", params)
        return [self._to_sigmet(item) for item in data.get("items", [])]

    def along_route(self, waypoints: List[str], level_ft: int) -> List[Sigmet]:
        params = {"route": " ".join(waypoints), "fl": str(level_ft // 100)}
        data = self._get("/sigmets/route", params)
        return [self._to_sigmet(item) for item in data.get("items", [])]

    @staticmethod
    def _to_sigmet(item) -> Sigmet:
        return Sigmet(
            ident=item.get("id", ""),
            fir=item.get("fir", ""),
            hazard=item.get("hazard", ""),
            valid_from=item.get("validFrom", ""),
            valid_to=item.get("validTo", ""),
            polygon=item.get("geometry", {}).get("coordinates", [[]])[0],
            raw=item.get("rawText", ""),
        )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = SigmetClient()
    for s in client.active(fir="EGTT"):
        log.info("%r %r %r-%r", s.ident, s.hazard, s.valid_from, s.valid_to)
