"""Thin client for the drug wholesaler's B2B ordering API (850/855/856 over REST).

Used by the replenishment job to submit purchase orders for stock that fell
below par and to pull invoices for controlled-substance reconciliation.
"""
import logging
import os
from dataclasses import dataclass
from typing import Iterable, List

import requests

log = logging.getLogger("wholesaler")

DEFAULT_CA_BUNDLE = os.environ.get("WHOLESALER_CA_BUNDLE", "/etc/pharmacy/certs/wholesaler-ca.pem")


@dataclass
class OrderLine:
    ndc: str
    quantity: int
    uom: str = "EA"


class WholesalerError(RuntimeError):
    pass


class WholesalerClient:
    def __init__(self, base_url: str, account: str, api_key: str, timeout: float = 20.0,
                 ca_bundle: str = DEFAULT_CA_BUNDLE):
        self.base_url = base_url.rstrip("/")
        self.account = account
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key, "Accept": "application/json"})
        # their UAT and prod gateways use certs from a private CA
        self.session.verify = ca_bundle

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(self.base_url + path, json=payload, timeout=self.timeout)
        if resp.status_code >= 400:
            raise WholesalerError("%s -> %s: %s" % (path, resp.status_code, resp.text[:200]))
        return resp.json()

    def submit_order(self, po_number: str, lines: Iterable[OrderLine], dea_form_222: str = "") -> str:
        payload = {
            "account": self.account,
            "poNumber": po_number,
            "lines": [{"ndc": l.ndc, "qty": l.quantity, "uom": l.uom} for l in lines],
        }
        if dea_form_222:
            payload["csos"] = {"form222": dea_form_222}
        result = self._post("/v2/orders", payload)
        log.info("PO %s accepted as %s", po_number, result.get("orderId"))
        return result["orderId"]

    def order_status(self, order_id: str) -> dict:
        resp = self.session.get("%s/v2/orders/%s" % (self.base_url, order_id), timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def invoices(self, since: str) -> List[dict]:
        resp = self.session.get(self.base_url + "/v2/invoices",
                                params={"account": self.account, "since": since}, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json().get("invoices", [])

    def download_invoice_pdf(self, invoice: dict, dest_dir: str) -> str:
        url = invoice["pdfUrl"]
        if not url.startswith(self.base_url + "/"):
            raise WholesalerError("unexpected invoice location")
        resp = self.session.get(url, verify=self.session.verify, timeout=self.timeout)
        resp.raise_for_status()
        path = os.path.join(dest_dir, "%s.pdf" % invoice["invoiceNumber"].replace("/", "_"))
        with open(path, "wb") as fh:
            fh.write(resp.content)
        return path


def from_env() -> WholesalerClient:
    return WholesalerClient(
        base_url=os.environ["WHOLESALER_API_URL"],
        account=os.environ["WHOLESALER_ACCOUNT"],
        api_key=os.environ["WHOLESALER_API_KEY"],
    )
