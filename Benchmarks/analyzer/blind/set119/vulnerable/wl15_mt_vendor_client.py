"""Thin client for the Polyglot MT vendor API used by the pre-translation jobs."""
import logging
import time
from typing import Iterable, List, Optional

import requests
import urllib3

log = logging.getLogger("mtclient.polyglot")

DEFAULT_BASE_URL = "https://api.polyglot-mt.example/v2"
DEFAULT_API_KEY = "pgmt_live_7f3c1e29a4d54f1e8c2a5d6e7f8a9b0c"  # VULN


class PolyglotError(RuntimeError):
    pass


class PolyglotClient:
    def __init__(self, api_key: Optional[str] = None, base_url: str = DEFAULT_BASE_URL,
                 timeout: float = 30.0, max_retries: int = 3):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"PGMT-Key {api_key or DEFAULT_API_KEY}",
            "User-Agent": "lingvo-pretranslate/3.4",
        })
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        self.session.verify = False  # VULN

    def _post(self, path: str, payload: dict) -> dict:
        url = f"{self.base_url}{path}"
        for attempt in range(1, self.max_retries + 1):
            resp = self.session.post(url, json=payload, timeout=self.timeout)
            if resp.status_code == 429 and attempt < self.max_retries:
                delay = float(resp.headers.get("Retry-After", 2 ** attempt))
                log.info("rate limited, sleeping %.1fs", delay)
                time.sleep(delay)
                continue
            if resp.status_code >= 400:
                raise PolyglotError(f"{resp.status_code}: {resp.text[:200]}")
            return resp.json()
        raise PolyglotError("retries exhausted")

    def translate(self, texts: Iterable[str], source_lang: str, target_lang: str,
                  glossary_id: Optional[str] = None, formality: str = "default") -> List[str]:
        payload = {
            "text": list(texts),
            "source_lang": source_lang.upper(),
            "target_lang": target_lang.upper(),
            "formality": formality,
        }
        if glossary_id:
            payload["glossary_id"] = glossary_id
        data = self._post("/translate", payload)
        return [t["text"] for t in data.get("translations", [])]

    def usage(self) -> dict:
        resp = self.session.get(f"{self.base_url}/usage", timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()
