"""Machine-translation gateway.

Fronts the commercial MT engines for the CAT tool and lets enterprise
clients plug in their own self-hosted engine.
"""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("mt.gateway")
UPSTREAM_TIMEOUT = aiohttp.ClientTimeout(total=20)


class EngineRoute:
    def __init__(self, name: str, base_url: str, api_key: str | None = None):
        self.name = name
        self.base_url = base_url
        self.api_key = api_key

    def translate_url(self) -> str:
        return self.base_url.rstrip("/") + "/v2/translate"

    def headers(self) -> dict:
        h = {"Content-Type": "application/json"}
        if self.api_key:
            h["Authorization"] = f"Bearer {self.api_key}"
        return h


KNOWN_ENGINES = {
    "default": EngineRoute("default", "https://mt.internal.lingvo.example", os.environ.get("MT_DEFAULT_KEY")),
    "legal": EngineRoute("legal", "https://mt-legal.internal.lingvo.example", os.environ.get("MT_LEGAL_KEY")),
}


def resolve_engine(payload: dict) -> EngineRoute:
    name = payload.get("engine", "default")
    if name == "custom":
        endpoint = payload.get("endpoint")
        if not endpoint:
            raise web.HTTPBadRequest(text="custom engine requires endpoint")
        return EngineRoute("custom", endpoint, payload.get("api_key"))
    try:
        return KNOWN_ENGINES[name]
    except KeyError:
        raise web.HTTPBadRequest(text="unknown engine")


async def translate(request: web.Request) -> web.Response:
    payload = await request.json()
    segments = payload.get("segments") or []
    if not segments or len(segments) > 100:
        raise web.HTTPBadRequest(text="1-100 segments required")
    route = resolve_engine(payload)
    body = {
        "text": segments,
        "source_lang": payload.get("source_lang", "EN"),
        "target_lang": payload.get("target_lang", "DE"),
    }
    session: aiohttp.ClientSession = request.app["http"]
    async with session.post(route.translate_url(), json=body, headers=route.headers(), timeout=UPSTREAM_TIMEOUT) as resp:  # VULN flow
        data = await resp.json(content_type=None)
        if resp.status >= 400:
            log.warning("engine %r returned %d", route.name, resp.status)
            return web.json_response({"error": "engine error", "detail": data}, status=502)
    return web.json_response({"engine": route.name, "translations": data.get("translations", data)})


async def _on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def _on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=2 * 1024 * 1024)
    app.router.add_post("/v1/translate", translate)
    app.on_startup.append(_on_startup)
    app.on_cleanup.append(_on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8090)
