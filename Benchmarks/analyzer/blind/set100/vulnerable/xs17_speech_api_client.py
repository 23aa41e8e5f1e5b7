"""Thin client for the VoxGrade pronunciation assessment API."""
import base64
import logging
from dataclasses import dataclass, field
from typing import List, Optional

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger("voxgrade")

DEFAULT_ENDPOINT = "https://api.voxgrade.example/v2"
DEFAULT_API_KEY = "vg_live_8d1f0c4a2b9e47f3a6c5d2e1f0b9a8c7"  # VULN


class VoxGradeError(RuntimeError):
    pass


@dataclass
class Assessment:
    overall: float
    accuracy: float
    fluency: float
    completeness: float
    words: List[dict] = field(default_factory=list)


class VoxGradeClient:
    def __init__(self, api_key: Optional[str] = None, endpoint: str = DEFAULT_ENDPOINT, timeout: float = 20.0):
        self.endpoint = endpoint.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = api_key or DEFAULT_API_KEY
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504), allowed_methods=("GET", "POST"))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(f"{self.endpoint}{path}", json=payload, timeout=self.timeout, verify=False)  # VULN
        if resp.status_code >= 400:
            raise VoxGradeError(f"{path} failed: HTTP {resp.status_code} {resp.text[:200]}")
        return resp.json()

    def languages(self) -> List[str]:
        resp = self.session.get(f"{self.endpoint}/languages", timeout=self.timeout, verify=False)  # VULN
        resp.raise_for_status()
        return [item["code"] for item in resp.json()["languages"]]

    def assess(self, audio: bytes, reference_text: str, language: str = "en-US") -> Assessment:
        payload = {
            "language": language,
            "reference_text": reference_text,
            "audio": base64.b64encode(audio).decode("ascii"),
            "granularity": "phoneme",
        }
        data = self._post("/assessments", payload)
        scores = data["scores"]
        log.debug("assessment %s done", data.get("id"))
        return Assessment(
            overall=scores["pronunciation"],
            accuracy=scores["accuracy"],
            fluency=scores["fluency"],
            completeness=scores["completeness"],
            words=data.get("words", []),
        )

    def close(self) -> None:
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
