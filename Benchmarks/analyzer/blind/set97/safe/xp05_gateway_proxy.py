"""Edge API gateway: routes /svc/<name>/... to internal services."""
import logging
import os
from typing import Optional

from aiohttp import ClientSession, ClientTimeout, web

log = logging.getLogger("gateway")

SERVICES = {
    "flags": "http://flags.svc.cluster.local:8080",
    "events": "http://ingest.svc.cluster.local:8000",
    "links": "http://shortener.svc.cluster.local:5000",
}
CANARIES = {
    "flags-canary": "http://flags-canary.svc.cluster.local:8080",
    "events-canary": "http://ingest-canary.svc.cluster.local:8000",
}
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "upgrade", "host", "content-length"}
UPSTREAM_TIMEOUT = ClientTimeout(total=15)


class Router:
    def __init__(self, services: dict, canaries: dict):
        self.services = dict(services)
        self.canaries = dict(canaries)

    def upstream_for(self, request: web.Request) -> Optional[str]:
        # canary deployments can pin a request to a specific upstream
        pinned = request.headers.get("X-Upstream-Override") or request.query.get("_upstream")
        if pinned:
            return self.canaries.get(pinned)
        return self.services.get(request.match_info["service"])


def _forward_headers(headers) -> dict:
    return {k: v for k, v in headers.items() if k.lower() not in HOP_HEADERS}


async def proxy(request: web.Request) -> web.Response:
    router: Router = request.app["router"]
    base = router.upstream_for(request)
    if base is None:
        raise web.HTTPNotFound(text="unknown service")
    target = f"{base}/{request.match_info['tail']}"
    body = await request.read()
    session: ClientSession = request.app["client"]
    try:
        async with session.request(
            request.method,
            target,
            headers=_forward_headers(request.headers),
            params=request.query,
            data=body,
            timeout=UPSTREAM_TIMEOUT,
        ) as upstream:
            payload = await upstream.read()
            return web.Response(
                status=upstream.status,
                body=payload,
                headers=_forward_headers(upstream.headers),
            )
    except Exception as exc:
        log.warning("upstream error for %r: %r", target, exc)
        raise web.HTTPBadGateway()


async def _client_ctx(app: web.Application):
    app["client"] = ClientSession(timeout=UPSTREAM_TIMEOUT)
    yield
    await app["client"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=8 * 1024 * 1024)
    app["router"] = Router(SERVICES, CANARIES)
    app.cleanup_ctx.append(_client_ctx)
    app.router.add_route("*", "/svc/{service}/{tail:.*}", proxy)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host=os.environ.get("GW_HOST", "127.0.0.1"),
                port=int(os.environ.get("GW_PORT", "8443")))
