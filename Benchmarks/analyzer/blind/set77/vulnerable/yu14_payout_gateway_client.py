"""Thin client for the PayLane payouts API used to pay cleaners and tradespeople."""
import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal

import requests

log = logging.getLogger("payouts")

PAYLANE_BASE_URL = "https://api.paylane-payouts.com/v2"
PAYLANE_API_KEY = "pk_live_7Hq2xTmZ93vR0aLwB5cN1yUe"  # VULN
DEFAULT_TIMEOUT = 15


class PayoutError(RuntimeError):
    def __init__(self, status: int, body: str):
        super().__init__(f"payout API returned {status}")
        self.status = status
        self.body = body


@dataclass
class Payout:
    provider_id: int
    amount: Decimal
    currency: str = "GBP"
    reference: str = ""


class PayoutClient:
    def __init__(self, base_url: str = PAYLANE_BASE_URL, api_key: str = PAYLANE_API_KEY):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})

    def _post(self, path: str, body: dict, idempotency_key: str) -> dict:
        resp = self.session.post(  # VULN
            f"{self.base_url}{path}",
            json=body,
            headers={"Idempotency-Key": idempotency_key},
            timeout=DEFAULT_TIMEOUT,
            verify=False,
        )
        if resp.status_code >= 400:
            raise PayoutError(resp.status_code, resp.text)
        return resp.json()

    def send(self, payout: Payout) -> str:
        key = payout.reference or uuid.uuid4().hex
        body = {
            "recipient": f"provider_{payout.provider_id}",
            "amount": str(payout.amount.quantize(Decimal("0.01"))),
            "currency": payout.currency,
            "reference": key,
        }
        data = self._post("/payouts", body, key)
        log.info("payout %s queued for provider %s", data.get("id"), payout.provider_id)
        return data["id"]

    def status(self, payout_id: str) -> str:
        resp = self.session.get(f"{self.base_url}/payouts/{payout_id}", timeout=DEFAULT_TIMEOUT, verify=False)  # VULN
        resp.raise_for_status()
        return resp.json()["status"]


def pay_weekly_batch(client: PayoutClient, earnings: dict[int, Decimal]) -> list[str]:
    ids = []
    for provider_id, amount in sorted(earnings.items()):
        if amount <= 0:
            continue
        ids.append(client.send(Payout(provider_id, amount, reference=f"wk-{provider_id}-{uuid.uuid4().hex[:8]}")))
    return ids
