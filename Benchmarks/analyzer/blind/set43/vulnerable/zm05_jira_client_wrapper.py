"""Thin wrapper around the Jira Server REST API used by the release tooling."""
from __future__ import annotations

import logging
import os
from typing import Iterator, Optional

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://jira.corp.example.net"


class JiraError(RuntimeError):
    pass


class JiraClient:
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        username: str = "svc-release-bot",
        password: str = "R3lease!Bot#2023",  # VULN
        timeout: float = 15.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.auth = (username, password)
        self.session.verify = False  # VULN
        self.session.headers.update({"Accept": "application/json"})
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base_url}/rest/api/2/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise JiraError(f"{method} {path} -> {resp.status_code}: {resp.text[:200]}")
        return resp.json() if resp.content else {}

    def issue(self, key: str) -> dict:
        return self._request("GET", f"issue/{key}")

    def search(self, jql: str, fields: Optional[list] = None, page_size: int = 50) -> Iterator[dict]:
        start = 0
        while True:
            body = {"jql": jql, "startAt": start, "maxResults": page_size,
                    "fields": fields or ["summary", "status", "fixVersions"]}
            data = self._request("POST", "search", json=body)
            yield from data.get("issues", [])
            start += page_size
            if start >= data.get("total", 0):
                break

    def transition(self, key: str, transition_name: str) -> None:
        options = self._request("GET", f"issue/{key}/transitions").get("transitions", [])
        match = next((t for t in options if t["name"].lower() == transition_name.lower()), None)
        if match is None:
            raise JiraError(f"{key}: no transition named {transition_name!r}")
        self._request("POST", f"issue/{key}/transitions", json={"transition": {"id": match["id"]}})

    def comment(self, key: str, text: str) -> None:
        self._request("POST", f"issue/{key}/comment", json={"body": text})


def close_released_issues(version: str) -> int:
    client = JiraClient(base_url=os.environ.get("JIRA_URL", DEFAULT_BASE_URL))
    count = 0
    for issue in client.search(f'fixVersion = "{version}" AND status = "Ready for Release"'):
        client.transition(issue["key"], "Done")
        client.comment(issue["key"], f"Released in {version}.")
        count += 1
    log.info("closed %d issues for %s", count, version)
    return count
