"""Thin client for the ERP procurement REST API.

Used by the nightly sync job to push approved purchase orders and pull
goods-receipt postings back into the procurement database."""
import logging
import os
from dataclasses import dataclass, field
from typing import Iterator, Optional

import requests

log = logging.getLogger("erp.client")


@dataclass
class ErpConfig:
    base_url: str = os.environ.get("ERP_BASE_URL", "https://erp-gw.internal.example.com/api/v2")
    username: str = "svc_procure_sync"
    password: str = field(default_factory=lambda: os.environ["ERP_SYNC_PASSWORD"], repr=False)
    client_id: str = "procurement-sync"
    timeout: float = 30.0
    ca_bundle: str = os.environ.get("ERP_CA_BUNDLE", "/etc/ssl/certs/corp-ca.pem")


class ErpClient:
    def __init__(self, config: Optional[ErpConfig] = None):
        self.config = config or ErpConfig()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "procurement-sync/4.2"
        self.session.verify = self.config.ca_bundle
        self._token = None

    def _login(self):
        resp = self.session.post(
            self.config.base_url + "/auth/token",
            data={
                "grant_type": "password",
                "username": self.config.username,
                "password": self.config.password,
                "client_id": self.config.client_id,
            },
            timeout=self.config.timeout,
        )
        resp.raise_for_status()
        self._token = resp.json()["access_token"]
        self.session.headers["Authorization"] = "Bearer " + self._token

    def _request(self, method, path, **kwargs):
        if self._token is None:
            self._login()
        timeout = kwargs.pop("timeout", self.config.timeout)
        resp = self.session.request(method, self.config.base_url + path, timeout=timeout, **kwargs)
        if resp.status_code == 401:
            self._login()
            resp = self.session.request(method, self.config.base_url + path, timeout=timeout, **kwargs)
        resp.raise_for_status()
        return resp.json() if resp.content else None

    def push_purchase_order(self, po: dict) -> str:
        data = self._request("POST", "/purchase-orders", json=po)
        log.info("pushed PO %r -> ERP doc %r", po["po_number"], data["document_id"])
        return data["document_id"]

    def goods_receipts(self, since: str) -> Iterator[dict]:
        page = 1
        while True:
            data = self._request("GET", "/goods-receipts", params={"since": since, "page": page})
            yield from data["items"]
            if not data.get("next_page"):
                break
            page = data["next_page"]
