"""Thin client for the biobank LIMS REST API used by pipeline scripts."""
import logging
import os
from typing import Any, Dict, Iterator, Optional
from urllib.parse import quote

import requests

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://lims.biobank.example.org/api/v2"
SERVICE_TOKEN = os.environ.get("LIMS_SERVICE_TOKEN")
CA_BUNDLE = os.environ.get("LIMS_CA_BUNDLE") or True


class LimsError(RuntimeError):
    def __init__(self, status: int, message: str):
        super().__init__(f"LIMS returned {status}: {message}")
        self.status = status


class LimsClient:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, token: str = SERVICE_TOKEN, timeout: float = 30.0):
        if not token:
            raise ValueError("LIMS_SERVICE_TOKEN is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "User-Agent": "biobank-pipeline/1.4",
        })

    def _request(self, method: str, path: str, **kwargs) -> Optional[Any]:
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, verify=CA_BUNDLE, **kwargs)
        if resp.status_code >= 400:
            raise LimsError(resp.status_code, resp.text[:300])
        return resp.json() if resp.content else None

    def get_sample(self, barcode: str) -> Dict[str, Any]:
        return self._request("GET", f"samples/{quote(barcode, safe='')}")

    def iter_samples(self, study: str, page_size: int = 200) -> Iterator[Dict[str, Any]]:
        page = 1
        while True:
            data = self._request("GET", "samples", params={"study": study, "page": page, "per_page": page_size})
            for item in data.get("items", []):
                yield item
            if not data.get("next_page"):
                break
            page += 1

    def update_location(self, barcode: str, freezer: str, rack: int, box: int, position: str) -> None:
        payload = {"freezer": freezer, "rack": rack, "box": box, "position": position}
        log.debug("moving %r to %r", barcode, payload)
        self._request("PATCH", f"samples/{quote(barcode, safe='')}/location", json=payload)

    def record_aliquot(self, parent: str, volume_ul: float, container: str) -> str:
        data = self._request(
            "POST",
            f"samples/{quote(parent, safe='')}/aliquots",
            json={"volume_ul": volume_ul, "container": container},
        )
        return data["barcode"]
