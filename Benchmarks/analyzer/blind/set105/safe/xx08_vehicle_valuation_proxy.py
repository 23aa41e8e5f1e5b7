"""Adjuster tool: pull a vehicle valuation from a pricing provider for total-loss claims."""
import logging
import os
from urllib.parse import urlparse

import aiohttp
from aiohttp import web

log = logging.getLogger("valuation")

DEFAULT_PROVIDER = os.environ.get("VALUATION_URL", "https://api.autoprice.example.com/v2/valuation")
API_KEY = os.environ.get("VALUATION_API_KEY", "")
TIMEOUT = aiohttp.ClientTimeout(total=10)
CONDITIONS = {"poor", "fair", "average", "good", "excellent"}
ALLOWED_HOSTS = {"api.autoprice.example.com", "valuations.carbook-partner.example.com"}


def _checked_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        raise ValueError("valuation source not permitted")
    return url


class ValuationRequest:
    def __init__(self, data: dict):
        self.vin = str(data.get("vin", "")).upper()
        self.mileage = int(data.get("mileage", 0))
        self.condition = data.get("condition", "average")
        self.source_url = _checked_url(data.get("source_url") or DEFAULT_PROVIDER)
        if self.condition not in CONDITIONS:
            raise ValueError("unknown condition")

    def params(self) -> dict:
        return {"vin": self.vin, "mileage": self.mileage, "condition": self.condition}


async def fetch_valuation(session: aiohttp.ClientSession, req: ValuationRequest) -> dict:
    headers = {"Authorization": f"Bearer {API_KEY}", "Accept": "application/json"}
    async with session.get(req.source_url, params=req.params(), headers=headers, timeout=TIMEOUT, allow_redirects=False) as resp:
        body = await resp.json(content_type=None)
        return {"status": resp.status, "body": body}


async def valuation_handler(request: web.Request) -> web.Response:
    data = await request.json()
    try:
        vreq = ValuationRequest(data)
    except (TypeError, ValueError):
        return web.json_response({"error": "invalid request"}, status=400)
    if len(vreq.vin) != 17:
        return web.json_response({"error": "VIN must be 17 characters"}, status=400)
    result = await fetch_valuation(request.app["http"], vreq)
    log.info("valuation for vin %r returned HTTP %s", vreq.vin, result["status"])
    return web.json_response({
        "claim": request.match_info["claim_id"],
        "valuation": result["body"],
    })


async def on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/claims/{claim_id}/valuation", valuation_handler)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8088)
