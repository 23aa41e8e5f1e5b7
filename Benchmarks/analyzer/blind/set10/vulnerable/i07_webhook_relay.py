import json
import logging
import os

from aiohttp import web, ClientSession, ClientTimeout, TCPConnector

log = logging.getLogger("relay")
logging.basicConfig(level=logging.INFO)


async def relay(request):
    tenant = request.app["api_keys"].get(request.headers.get("X-Api-Key", ""))
    if tenant is None:
        raise web.HTTPUnauthorized()
    payload = await request.json()
    destination = payload.get("callback_url", "")
    event = payload.get("event", {})
    session = request.app["http"]
    async with session.post(destination, json={"tenant": tenant, "event": event}) as upstream:  # VULN flow
        status = upstream.status
        text = await upstream.text()
    log.info("relayed event for tenant %s status=%s", tenant, status)
    return web.json_response({"status": status, "body": text[:2000]})


async def health(_request):
    return web.json_response({"ok": True})


async def on_startup(app):
    app["api_keys"] = json.loads(os.environ.get("RELAY_API_KEYS", "{}"))
    app["http"] = ClientSession(timeout=ClientTimeout(total=15), connector=TCPConnector(ssl=False))  # VULN


async def on_cleanup(app):
    await app["http"].close()


def make_app():
    app = web.Application(client_max_size=256 * 1024)
    app.router.add_post("/relay", relay)
    app.router.add_get("/health", health)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8088")))
