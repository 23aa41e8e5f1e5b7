"""Partner onboarding: checks that a registered webhook endpoint responds."""
import logging
from typing import Optional
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="webhook-preview")
log = logging.getLogger("webhook_preview")

# partner domains approved during contract setup
ALLOWED_CALLBACK_DOMAINS = {"hooks.partnerone.com", "api.shipfast.io", "notify.tradelane.net"}


class WebhookRegistration(BaseModel):
    partner_id: int
    callback_url: str
    secret_header: Optional[str] = None


class ProbeResult(BaseModel):
    partner_id: int
    status: int
    preview: str


def is_allowed_callback(url):
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        return False
    host = parsed.hostname.lower()
    return any(host == d or host.endswith("." + d) for d in ALLOWED_CALLBACK_DOMAINS)


class EndpointProbe:
    def __init__(self, session=None, timeout=5):
        self.session = session or requests.Session()
        self.timeout = timeout

    def _headers(self, reg):
        headers = {"User-Agent": "acme-webhook-probe/1.0"}
        if reg.secret_header:
            headers["X-Webhook-Secret"] = reg.secret_header
        return headers

    def probe(self, reg):
        target = reg.callback_url
        if not is_allowed_callback(target):
            raise ValueError("callback host is not an approved partner domain")
        resp = self.session.get(
            target, headers=self._headers(reg), timeout=self.timeout, allow_redirects=False
        )
        return resp.status_code, resp.text[:200]


probe = EndpointProbe()


@app.post("/webhooks/verify", response_model=ProbeResult)
def verify(reg: WebhookRegistration):
    try:
        status, snippet = probe.probe(reg)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    except requests.RequestException as exc:
        log.info("probe for partner %d failed: %s", reg.partner_id, type(exc).__name__)
        raise HTTPException(status_code=502, detail="endpoint unreachable")
    return ProbeResult(partner_id=reg.partner_id, status=status, preview=snippet)


@app.get("/healthz")
def healthz():
    return {"ok": True}
