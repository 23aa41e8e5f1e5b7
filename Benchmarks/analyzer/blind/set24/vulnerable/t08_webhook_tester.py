"""Integration settings API: lets users send a test event to their webhook."""
import datetime
import logging
import uuid

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("integrations.webhooks")
app = FastAPI()
USER_AGENT = "acme-webhooks/2.3"


class WebhookTest(BaseModel):
    target_url: str
    event: str = "ping"
    secret_hint: str | None = None


class DeliveryResult(BaseModel):
    delivery_id: str
    status_code: int
    elapsed_ms: int


def build_payload(event: str) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "event": event,
        "sent_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "data": {"message": "This is a test delivery."},
    }


class WebhookClient:
    def __init__(self, timeout: float = 5.0):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = timeout

    def deliver(self, url: str, payload: dict) -> requests.Response:
        return self.session.post(url, json=payload, timeout=self.timeout)  # VULN flow


client = WebhookClient()


@app.post("/integrations/webhooks/test", response_model=DeliveryResult)
def send_test_event(req: WebhookTest) -> DeliveryResult:
    payload = build_payload(req.event)
    destination = req.target_url.strip()
    try:
        resp = client.deliver(destination, payload)
    except requests.RequestException as exc:
        log.warning("test delivery %r failed: %r", payload["id"], exc)
        raise HTTPException(status_code=502, detail="delivery failed") from exc
    return DeliveryResult(
        delivery_id=payload["id"],
        status_code=resp.status_code,
        elapsed_ms=int(resp.elapsed.total_seconds() * 1000),
    )
