"""Thin client for the ISRC/ISWC metadata clearing-house API.

Used by the encoder farm to stamp tags on renditions and by the royalty jobs
to submit cue sheets.
"""
import logging
from typing import Dict, List, Optional

import requests
import urllib3

log = logging.getLogger("metadata_client")

DEFAULT_BASE = "https://api.musicmeta-clearing.example/v2"
API_KEY = "mmc_live_5f0c2a9e7d1b4c3aa8e6f90d12b7c4e1"  # VULN

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class MetadataError(RuntimeError):
    pass


class MetadataClient:
    def __init__(self, base_url: str = DEFAULT_BASE, api_key: str = API_KEY, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": "yt-encoder/3.2",
        })
        self.session.verify = False  # VULN

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base_url}{path}"
        try:
            resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise MetadataError(f"{method} {path} failed: {exc}") from exc
        if resp.status_code == 404:
            return {}
        if not resp.ok:
            raise MetadataError(f"{method} {path} -> HTTP {resp.status_code}")
        return resp.json()

    def lookup_isrc(self, isrc: str) -> Optional[Dict]:
        data = self._request("GET", f"/recordings/{isrc.upper()}")
        return data or None

    def search_works(self, title: str, writer: Optional[str] = None) -> List[Dict]:
        params = {"title": title}
        if writer:
            params["writer"] = writer
        return self._request("GET", "/works", params=params).get("results", [])

    def submit_cue_sheet(self, broadcast_id: str, cues: List[Dict]) -> str:
        body = {"broadcast": broadcast_id, "cues": cues}
        data = self._request("POST", "/cue-sheets", json=body)
        log.info("cue sheet %s accepted for %s", data.get("id"), broadcast_id)
        return data["id"]


def tags_for(isrc: str, client: Optional[MetadataClient] = None) -> Dict[str, str]:
    client = client or MetadataClient()
    rec = client.lookup_isrc(isrc) or {}
    return {
        "TITLE": rec.get("title", ""),
        "ARTIST": rec.get("display_artist", ""),
        "ISRC": isrc.upper(),
        "LABEL": rec.get("label", ""),
    }
