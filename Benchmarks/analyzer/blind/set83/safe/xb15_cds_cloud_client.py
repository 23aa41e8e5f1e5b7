"""Thin client for the chromatography data system (CDS) cloud archive API."""
import logging
import os
import time
from pathlib import Path
from typing import Dict, List, Optional

import requests

log = logging.getLogger("cds.cloud")


class CdsCloudError(RuntimeError):
    pass


class CdsCloudClient:
    def __init__(self, base_url: str, client_id: str, client_secret: str, timeout: float = 30.0,
                 ca_bundle: Optional[str] = None):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = ca_bundle or True
        self._token: Optional[str] = None
        self._token_expiry = 0.0

    @classmethod
    def from_env(cls) -> "CdsCloudClient":
        return cls(os.environ["CDS_CLOUD_URL"], os.environ["CDS_CLIENT_ID"], os.environ["CDS_CLIENT_SECRET"],
                   ca_bundle=os.environ.get("CDS_CA_BUNDLE"))

    def _auth_header(self) -> Dict[str, str]:
        if self._token is None or time.time() > self._token_expiry - 60:
            resp = requests.post(
                f"{self.base_url}/oauth/token",
                data={"grant_type": "client_credentials", "client_id": self.client_id,
                      "client_secret": self.client_secret},
                timeout=self.timeout,
                verify=self.session.verify,
            )
            if resp.status_code != 200:
                raise CdsCloudError(f"token request failed: HTTP {resp.status_code}")
            body = resp.json()
            self._token = body["access_token"]
            self._token_expiry = time.time() + int(body.get("expires_in", 3600))
        return {"Authorization": f"Bearer {self._token}"}

    def upload_run(self, path: Path, project: str, instrument_id: str) -> str:
        with open(path, "rb") as fh:
            resp = self.session.post(
                f"{self.base_url}/v1/runs",
                headers=self._auth_header(),
                files={"file": (path.name, fh, "application/octet-stream")},
                data={"project": project, "instrument": instrument_id},
                timeout=self.timeout,
            )
        if resp.status_code not in (200, 201):
            raise CdsCloudError(f"upload of {path.name} failed: HTTP {resp.status_code}")
        run_id = resp.json()["run_id"]
        log.info("uploaded %s as run %s", path.name, run_id)
        return run_id

    def list_runs(self, project: str, since: Optional[str] = None) -> List[dict]:
        params = {"project": project}
        if since:
            params["since"] = since
        resp = self.session.get(f"{self.base_url}/v1/runs", headers=self._auth_header(),
                                params=params, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json().get("runs", [])
