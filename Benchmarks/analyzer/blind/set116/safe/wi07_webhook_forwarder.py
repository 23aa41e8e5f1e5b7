"""Commercial-account integrations: job completion webhooks.

Facility managers can register a webhook that fires whenever a cleaning or
pest-control visit is closed out. The "test" endpoint lets them verify the
hook from the portal before saving it.
"""
import logging
from datetime import datetime, timezone
from urllib.parse import urlsplit

import requests
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from portal.deps import current_account

router = APIRouter(prefix="/integrations")
log = logging.getLogger("portal.webhooks")

SAMPLE_EVENT = {
    "event": "visit.completed",
    "visit_id": "V-000000",
    "service": "general_pest",
    "technician": "Sample Tech",
}
ALLOWED_WEBHOOK_HOSTS = {"hooks.slack.com", "hooks.zapier.com", "outlook.office.com"}


class WebhookConfig(BaseModel):
    url: str
    secret: str = ""
    event_types: list = ["visit.completed"]


class WebhookTester:
    def __init__(self, cfg: WebhookConfig, account_id: int):
        self.cfg = cfg
        self.account_id = account_id

    def build_payload(self) -> dict:
        payload = dict(SAMPLE_EVENT)
        payload["account_id"] = self.account_id
        payload["sent_at"] = datetime.now(timezone.utc).isoformat()
        return payload

    def target(self) -> str:
        url = self.cfg.url.strip()
        if not url.startswith(("http://", "https://")):
            url = "https://" + url
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in ALLOWED_WEBHOOK_HOSTS:
            raise ValueError("unsupported webhook host")
        if parts.port not in (None, 443):
            raise ValueError("unsupported webhook port")
        return url

    def fire(self) -> requests.Response:
        headers = {"X-PestOps-Event": "visit.completed"}
        if self.cfg.secret:
            headers["X-PestOps-Secret"] = self.cfg.secret
        return requests.post(
            self.target(),
            json=self.build_payload(),
            headers=headers,
            timeout=8,
            allow_redirects=False,
        )


@router.post("/webhooks/test")
def test_webhook(cfg: WebhookConfig, account=Depends(current_account)):
    tester = WebhookTester(cfg, account.id)
    try:
        resp = tester.fire()
    except ValueError:
        raise HTTPException(status_code=400, detail="webhook host not supported")
    except requests.RequestException as exc:
        log.info("webhook test failed for account %s: %r", account.id, exc)
        raise HTTPException(status_code=502, detail="could not reach webhook")
    return {
        "status": resp.status_code,
        "body_preview": resp.text[:2000],
        "elapsed_ms": int(resp.elapsed.total_seconds() * 1000),
    }
