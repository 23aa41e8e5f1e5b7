"""Thin SDK for the shared-documents sync API.

Used by the desktop companion app and by a few internal scripts that
mirror team folders into the document service.
"""
import logging
import os
from typing import Iterator, Optional

import requests
import urllib3

log = logging.getLogger("docsync.client")

DEFAULT_BASE = "https://docs.collab.example.com/api/v2"


class SyncError(RuntimeError):
    pass


class DocSyncClient:
    def __init__(self, token: str, base_url: str = DEFAULT_BASE, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "User-Agent": "docsync-sdk/2.4"})
        # corporate proxy re-signs traffic and the desktop app kept failing
        self.session.verify = False  # VULN
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

    def _url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def _check(self, resp: requests.Response) -> dict:
        if resp.status_code >= 400:
            raise SyncError(f"{resp.request.method} {resp.url} -> {resp.status_code}")
        return resp.json() if resp.content else {}

    def list_changes(self, folder_id: str, cursor: Optional[str] = None) -> Iterator[dict]:
        while True:
            params = {"folder": folder_id}
            if cursor:
                params["cursor"] = cursor
            page = self._check(self.session.get(self._url("changes"), params=params, timeout=self.timeout))
            yield from page.get("changes", [])
            cursor = page.get("next_cursor")
            if not cursor:
                break

    def download(self, doc_id: str, dest: str) -> str:
        resp = self.session.get(self._url(f"documents/{doc_id}/content"), stream=True, timeout=self.timeout)
        if resp.status_code != 200:
            raise SyncError(f"download {doc_id} failed: {resp.status_code}")
        os.makedirs(os.path.dirname(dest) or ".", exist_ok=True)
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(65536):
                fh.write(chunk)
        return dest

    def upload(self, folder_id: str, path: str) -> dict:
        with open(path, "rb") as fh:
            resp = requests.post(  # VULN
                self._url(f"folders/{folder_id}/documents"),
                headers=self.session.headers,
                files={"file": (os.path.basename(path), fh)},
                timeout=self.timeout,
                verify=False,
            )
        return self._check(resp)


def mirror(folder_id: str, target_dir: str):
    client = DocSyncClient(os.environ["DOCSYNC_TOKEN"])
    for change in client.list_changes(folder_id):
        if change.get("deleted"):
            continue
        name = os.path.basename(change["name"])
        client.download(change["id"], os.path.join(target_dir, name))
        log.info("mirrored %s", change["id"])
