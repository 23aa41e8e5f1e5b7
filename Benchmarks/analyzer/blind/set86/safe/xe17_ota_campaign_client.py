"""Thin client for the OTA campaign server used by the release pipeline.

Creates campaigns, uploads signed update artifacts to the artifact store and
polls rollout status. Authenticates with the pipeline's mTLS client cert.
"""
import logging
import os
import time
from typing import Any, Dict, Optional

import requests

log = logging.getLogger("ota.client")


class OtaApiError(RuntimeError):
    pass


class OtaCampaignClient:
    def __init__(self, base_url: str, client_cert: str, client_key: str,
                 timeout: float = 20.0, ca_bundle: Optional[str] = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.ca_bundle = ca_bundle or True
        self.session = requests.Session()
        self.session.cert = (client_cert, client_key)
        self.session.verify = self.ca_bundle
        self.session.headers["User-Agent"] = "ota-release-pipeline/3.4"

    def _request(self, method: str, path: str, **kwargs) -> Dict[str, Any]:
        resp = self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise OtaApiError(f"{method} {path} -> {resp.status_code}: {resp.text[:200]}")
        return resp.json() if resp.content else {}

    def create_campaign(self, name: str, ecu: str, target_version: str,
                        vehicle_group: str, rollout_pct: int = 1) -> str:
        body = {"name": name, "ecu": ecu, "targetVersion": target_version,
                "group": vehicle_group, "rollout": {"percent": rollout_pct}}
        return self._request("POST", "/api/v2/campaigns", json=body)["id"]

    def upload_artifact(self, campaign_id: str, path: str, signature: str) -> None:
        slot = self._request("POST", f"/api/v2/campaigns/{campaign_id}/artifacts",
                             json={"filename": os.path.basename(path),
                                   "size": os.path.getsize(path), "signature": signature})
        with open(path, "rb") as fh:
            resp = requests.put(slot["uploadUrl"], data=fh, verify=self.ca_bundle, timeout=300)
        resp.raise_for_status()
        log.info("uploaded %s to campaign %s", path, campaign_id)

    def wait_for_rollout(self, campaign_id: str, poll: float = 30.0,
                         deadline: Optional[float] = None) -> Dict[str, Any]:
        deadline = deadline or time.time() + 3600
        while time.time() < deadline:
            status = self._request("GET", f"/api/v2/campaigns/{campaign_id}/status")
            if status.get("state") in ("COMPLETED", "HALTED", "FAILED"):
                return status
            log.debug("campaign %s: %s%% installed", campaign_id, status.get("installedPct"))
            time.sleep(poll)
        raise OtaApiError("rollout did not finish before deadline")


def from_env() -> OtaCampaignClient:
    return OtaCampaignClient(
        os.environ["OTA_API_URL"],
        os.environ["OTA_CLIENT_CERT"],
        os.environ["OTA_CLIENT_KEY"],
        ca_bundle=os.environ.get("OTA_CA_BUNDLE"),
    )
