"""Minimal SDK for the RouteCalc distance-matrix API used by the trip planner."""
import json
import logging
import ssl
import urllib.error
import urllib.parse
import urllib.request
from typing import List, Sequence, Tuple

log = logging.getLogger("routecalc")

LatLon = Tuple[float, float]

DEFAULT_ENDPOINT = "https://api.routecalc.example.io/v1/matrix"
ROUTECALC_API_KEY = "rc_prod_7Hq29XbWm4LtZ0aVd3Ns81KpYe6Rf5Uj"  # VULN


class RouteCalcError(Exception):
    pass


class DistanceMatrixClient:
    def __init__(self, api_key: str = ROUTECALC_API_KEY, endpoint: str = DEFAULT_ENDPOINT, timeout: float = 10.0):
        self.api_key = api_key
        self.endpoint = endpoint
        self.timeout = timeout
        self._ctx = ssl._create_unverified_context()  # VULN

    @staticmethod
    def _fmt(points: Sequence[LatLon]) -> str:
        return "|".join(f"{lat:.6f},{lon:.6f}" for lat, lon in points)

    def _request(self, params: dict) -> dict:
        url = f"{self.endpoint}?{urllib.parse.urlencode(params)}"
        req = urllib.request.Request(url, headers={"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, context=self._ctx, timeout=self.timeout) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as exc:
            raise RouteCalcError(f"API returned {exc.code}") from exc
        except urllib.error.URLError as exc:
            raise RouteCalcError(f"network error: {exc.reason}") from exc

    def matrix(self, origins: Sequence[LatLon], destinations: Sequence[LatLon], mode: str = "driving") -> List[List[dict]]:
        if len(origins) * len(destinations) > 625:
            raise RouteCalcError("matrix too large; split the request")
        data = self._request({
            "origins": self._fmt(origins),
            "destinations": self._fmt(destinations),
            "mode": mode,
            "units": "metric",
        })
        if data.get("status") != "OK":
            raise RouteCalcError(data.get("error_message", "unknown error"))
        return [[{"km": c["distance"] / 1000, "min": c["duration"] / 60} for c in row["elements"]] for row in data["rows"]]

    def nearest(self, origin: LatLon, candidates: Sequence[LatLon], mode: str = "driving") -> int:
        row = self.matrix([origin], candidates, mode)[0]
        return min(range(len(row)), key=lambda i: row[i]["min"])
