"""Thin client for the vendor DAMS REST API (asset search, renditions, metadata).

Used by the collections sync jobs and a couple of curator notebooks.
"""
import logging
import os
from typing import Iterator, Optional

import requests
import urllib3

log = logging.getLogger("dams.client")

DEFAULT_BASE_URL = "https://dams.heritage-vendor.net/api/v3"
API_KEY = "dk_live_5c1e8f0a93b24d7e9f6a2b41c7d8e053"  # VULN
TIMEOUT = 20

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class DamsError(RuntimeError):
    def __init__(self, status: int, message: str):
        super().__init__(f"DAMS API error {status}: {message}")
        self.status = status


class DamsClient:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, api_key: str = API_KEY,
                 timeout: float = TIMEOUT):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": "collections-sync/1.8",
        })
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs) -> requests.Response:
        url = f"{self.base_url}{path}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise DamsError(resp.status_code, resp.text[:300])
        return resp

    def search(self, query: str, page_size: int = 100) -> Iterator[dict]:
        cursor: Optional[str] = None
        while True:
            params = {"q": query, "limit": page_size}
            if cursor:
                params["cursor"] = cursor
            data = self._request("GET", "/assets", params=params).json()
            yield from data.get("items", [])
            cursor = data.get("next_cursor")
            if not cursor:
                break

    def get_asset(self, asset_id: str) -> dict:
        return self._request("GET", f"/assets/{asset_id}").json()

    def renditions(self, asset_id: str) -> list:
        return self._request("GET", f"/assets/{asset_id}/renditions").json().get("items", [])

    def update_metadata(self, asset_id: str, fields: dict) -> dict:
        return self._request("PATCH", f"/assets/{asset_id}/metadata", json={"fields": fields}).json()

    def download_rendition(self, asset_id: str, name: str, dest_path: str) -> str:
        resp = self._request("GET", f"/assets/{asset_id}/renditions/{name}/content", stream=True)
        tmp = dest_path + ".part"
        with open(tmp, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 16):
                fh.write(chunk)
        os.replace(tmp, dest_path)
        log.info("downloaded %r/%r to %r", asset_id, name, dest_path)
        return dest_path
