"""Carrier webhook registration and test-ping service."""
import logging
import os
from typing import Dict, Optional

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

log = logging.getLogger("tracking.webhooks")
app = FastAPI(title="carrier-webhooks")

API_TOKENS = set(filter(None, os.environ.get("WEBHOOK_API_TOKENS", "").split(",")))
REGISTRY: Dict[str, "WebhookRegistration"] = {}


class WebhookRegistration(BaseModel):
    carrier_code: str
    callback_url: str
    description: Optional[str] = None


class PingResult(BaseModel):
    carrier_code: str
    status_code: int
    body_preview: str


def require_token(x_api_token: str = Header(...)) -> str:
    if x_api_token not in API_TOKENS:
        raise HTTPException(status_code=401, detail="invalid token")
    return x_api_token


class CarrierClient:
    def __init__(self, timeout: float = 5.0):
        self.timeout = timeout

    async def ping(self, target: str) -> httpx.Response:
        async with httpx.AsyncClient(timeout=self.timeout, verify=False) as client:  # VULN
            return await client.post(target, json={"event": "ping"})  # VULN flow


def get_client() -> CarrierClient:
    return CarrierClient(timeout=float(os.environ.get("CARRIER_TIMEOUT", "5")))


@app.post("/webhooks", status_code=201)
async def register_webhook(reg: WebhookRegistration, _: str = Depends(require_token)):
    if not reg.carrier_code.isalnum():
        raise HTTPException(status_code=422, detail="bad carrier code")
    REGISTRY[reg.carrier_code] = reg
    log.info("registered webhook for carrier=%r", reg.carrier_code)
    return {"carrier_code": reg.carrier_code}


@app.post("/webhooks/{carrier_code}/ping", response_model=PingResult)
async def ping_webhook(
    carrier_code: str,
    _: str = Depends(require_token),
    client: CarrierClient = Depends(get_client),
):
    reg = REGISTRY.get(carrier_code)
    if reg is None:
        raise HTTPException(status_code=404, detail="unknown carrier")
    target = reg.callback_url.strip()
    try:
        resp = await client.ping(target)
    except httpx.HTTPError as exc:
        log.warning("ping failed carrier=%r: %s", carrier_code, exc.__class__.__name__)
        raise HTTPException(status_code=502, detail="callback unreachable")
    return PingResult(
        carrier_code=carrier_code,
        status_code=resp.status_code,
        body_preview=resp.text[:200],
    )
