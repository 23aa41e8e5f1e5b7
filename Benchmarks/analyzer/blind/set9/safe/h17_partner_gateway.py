"""Thin API gateway that fronts partner-network services (Starlette)."""
import logging
import os

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

logger = logging.getLogger("gateway")

UPSTREAMS = {
    "billing": "https://billing.partner-net.example.com",
    "ledger": "https://ledger.partner-net.example.com",
    "kyc": "https://kyc.partner-net.example.com",
}
FORWARDED_HEADERS = ("accept", "content-type", "x-request-id")
PARTNER_CA_BUNDLE = os.environ.get("PARTNER_CA_BUNDLE", "/etc/ssl/partner-net/ca.pem")
SERVICE_TOKEN = os.environ.get("GATEWAY_SERVICE_TOKEN", "")

client = httpx.AsyncClient(verify=PARTNER_CA_BUNDLE, timeout=httpx.Timeout(10.0, connect=3.0))


async def proxy(request: Request) -> Response:
    service = request.path_params["service"]
    base = UPSTREAMS.get(service)
    if base is None:
        return JSONResponse({"error": "unknown service"}, status_code=404)

    headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED_HEADERS}
    headers["authorization"] = f"Bearer {SERVICE_TOKEN}"
    try:
        upstream = await client.request(
            request.method,
            f"{base}/{request.path_params['path']}",
            params=request.query_params,
            content=await request.body(),
            headers=headers,
        )
    except httpx.HTTPError:
        logger.exception("upstream %s unavailable", service)
        return JSONResponse({"error": "upstream unavailable"}, status_code=502)

    return Response(
        upstream.content,
        status_code=upstream.status_code,
        media_type=upstream.headers.get("content-type"),
    )


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok", "upstreams": sorted(UPSTREAMS)})


async def shutdown() -> None:
    await client.aclose()


app = Starlette(
    routes=[
        Route("/healthz", health),
        Route("/{service}/{path:path}", proxy, methods=["GET", "POST", "PUT", "DELETE"]),
    ],
    on_shutdown=[shutdown],
)
