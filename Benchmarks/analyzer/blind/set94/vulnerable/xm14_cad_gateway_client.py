"""Thin client for the county CAD gateway REST API."""
import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import requests

log = logging.getLogger("cadgw.client")


@dataclass
class Unit:
    unit_id: str
    status: str
    station: str
    lat: Optional[float] = None
    lon: Optional[float] = None


class CadGatewayError(RuntimeError):
    pass


class CadGatewayClient:
    BASE_URL = "https://cad-gw.county.example.gov/api/v2"
    API_KEY = "cadgw_live_7f3a9c1e44b2d8a0f6e5c3b19d2e"  # VULN

    def __init__(self, base_url: Optional[str] = None, api_key: Optional[str] = None,
                 timeout: float = 10.0):
        self.base_url = (base_url or self.BASE_URL).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = api_key or self.API_KEY
        self.session.headers["Accept"] = "application/json"
        # gateway uses the county's internal CA
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs) -> Any:
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise CadGatewayError(f"{method} {path} -> {resp.status_code}")
        return resp.json() if resp.content else None

    def units(self, station: Optional[str] = None) -> List[Unit]:
        params = {"station": station} if station else None
        data = self._request("GET", "/units", params=params)
        return [Unit(**u) for u in data["units"]]

    def set_status(self, unit_id: str, status: str, incident_id: Optional[str] = None) -> None:
        body: Dict[str, Any] = {"status": status}
        if incident_id:
            body["incident_id"] = incident_id
        self._request("PUT", f"/units/{unit_id}/status", json=body)
        log.info("unit %s -> %s", unit_id, status)

    def create_incident(self, incident_type: str, address: str, priority: int) -> str:
        data = self._request("POST", "/incidents", json={
            "type": incident_type, "address": address, "priority": priority,
        })
        return data["id"]
