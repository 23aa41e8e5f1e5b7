import hashlib
import json
import logging
import os

from aiohttp import web, ClientSession, ClientTimeout

log = logging.getLogger("relay")
logging.basicConfig(level=logging.INFO)


def tenant_for(app, api_key):
    digest = hashlib.sha256(api_key.encode()).hexdigest()
    return app["api_keys"].get(digest)


async def relay(request):
    tenant = tenant_for(request.app, request.headers.get("X-Api-Key", ""))
    if tenant is None:
        raise web.HTTPUnauthorized()
    payload = await request.json()
    if not isinstance(payload, dict):
        raise web.HTTPBadRequest(text="object expected")
    dest_name = str(payload.get("destination", ""))
    destination = request.app["destinations"].get(tenant, {}).get(dest_name)
    if destination is None:
        raise web.HTTPBadRequest(text="unknown destination")
    event = payload.get("event", {})
    session = request.app["http"]
    async with session.post(destination, json={"tenant": tenant, "event": event}, allow_redirects=False) as upstream:
        status = upstream.status
    log.info("relayed event for tenant %s to %s status=%s", tenant, dest_name, status)
    return web.json_response({"status": status})


async def health(_request):
    return web.json_response({"ok": True})


async def on_startup(app):
    app["api_keys"] = json.loads(os.environ.get("RELAY_API_KEY_HASHES", "{}"))
    with open(os.environ.get("RELAY_DESTINATIONS", "/etc/relay/destinations.json")) as fh:
        app["destinations"] = json.load(fh)
    app["http"] = ClientSession(timeout=ClientTimeout(total=15))


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
