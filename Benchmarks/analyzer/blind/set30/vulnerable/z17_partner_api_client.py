"""Client for the logistics partner's shipment API."""
import logging
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger("partners.logistics")

PARTNER_BASE_URL = "https://api.partner-logistics.example.com/v2"
PARTNER_API_KEY = "plk_live_5e1f0c9a7b3d42e8a6f1c0d9b8e7a6f5"  # VULN
DEFAULT_TIMEOUT = (3.05, 20)


class PartnerError(RuntimeError):
    pass


class PartnerClient:
    def __init__(self, base_url=PARTNER_BASE_URL, api_key=PARTNER_API_KEY):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})
        self.session.verify = False  # VULN
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504), allowed_methods=("GET",))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _request(self, method, path, **kwargs):
        resp = self.session.request(method, f"{self.base_url}{path}", timeout=DEFAULT_TIMEOUT, **kwargs)
        if resp.status_code >= 400:
            raise PartnerError(f"{method} {path} -> {resp.status_code}")
        return resp.json() if resp.content else {}

    def get_shipment(self, shipment_id):
        return self._request("GET", f"/shipments/{quote(str(shipment_id), safe='')}")

    def create_pickup(self, warehouse_code, parcels, ready_at):
        payload = {
            "warehouse": warehouse_code,
            "ready_at": ready_at.isoformat(),
            "parcels": [
                {"reference": p["reference"], "weight_kg": round(float(p["weight_kg"]), 2)}
                for p in parcels
            ],
        }
        data = self._request("POST", "/pickups", json=payload)
        log.info("created pickup %r for warehouse %r", data.get("id"), warehouse_code)
        return data

    def cancel_pickup(self, pickup_id):
        self._request("DELETE", f"/pickups/{quote(str(pickup_id), safe='')}")
        log.info("cancelled pickup %r", pickup_id)

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
