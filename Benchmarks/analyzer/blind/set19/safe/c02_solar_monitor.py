"""Solar array monitoring: pull readings from inverter gateways on demand."""
import hmac
import logging
import os
from typing import Optional
from urllib.parse import urlsplit

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="solar-monitor")
log = logging.getLogger("solar.monitor")

API_TOKEN = os.environ.get("SOLAR_API_TOKEN", "")
READINGS_PATH = "/api/v1/readings"
GATEWAY_HOSTS = frozenset(
    h.strip().lower() for h in os.environ.get("SOLAR_GATEWAY_HOSTS", "").split(",") if h.strip()
)


class GatewayProbe(BaseModel):
    site_id: str
    gateway_url: str
    max_points: Optional[int] = 96


class ProbeResult(BaseModel):
    site_id: str
    points: int
    peak_watts: float


def require_token(x_api_token: str = Header(...)) -> str:
    if not API_TOKEN or not hmac.compare_digest(x_api_token, API_TOKEN):
        raise HTTPException(status_code=401, detail="invalid token")
    return x_api_token


def readings_endpoint(probe: GatewayProbe) -> str:
    parts = urlsplit(probe.gateway_url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme != "https" or host not in GATEWAY_HOSTS or port not in (None, 443):
        raise HTTPException(status_code=400, detail="gateway not registered")
    limit = max(1, min(probe.max_points or 96, 288))
    return f"https://{host}{READINGS_PATH}?limit={limit}"


async def fetch_readings(url: str) -> dict:
    async with httpx.AsyncClient(timeout=10.0, verify=True) as client:
        resp = await client.get(url)
        resp.raise_for_status()
        return resp.json()


def summarise(site_id: str, payload: dict) -> ProbeResult:
    samples = payload.get("samples", [])
    watts = [float(s.get("watts", 0.0)) for s in samples]
    return ProbeResult(site_id=site_id, points=len(watts), peak_watts=max(watts, default=0.0))


@app.post("/probe", response_model=ProbeResult)
async def probe_gateway(probe: GatewayProbe, _: str = Depends(require_token)):
    url = readings_endpoint(probe)
    log.info("probing gateway for site %r", probe.site_id)
    try:
        payload = await fetch_readings(url)
    except httpx.HTTPError as exc:
        log.warning("gateway probe failed for %r: %r", probe.site_id, exc)
        raise HTTPException(status_code=502, detail="gateway unreachable")
    return summarise(probe.site_id, payload)


@app.get("/healthz")
async def healthz():
    return {"ok": True}
