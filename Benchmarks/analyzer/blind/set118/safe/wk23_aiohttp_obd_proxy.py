"""Live-data proxy for Wi-Fi OBD-II dongles in the service bays.

The technician's tablet can't talk to the dongles directly (client isolation
on the shop Wi-Fi), so this service on the shop server relays live PID reads.
"""
import ipaddress
import logging
import re

import aiohttp
from aiohttp import web

log = logging.getLogger("obd_proxy")

DONGLE_PORT = 35000
DONGLE_SUBNET = ipaddress.ip_network("10.42.8.0/24")
PIDS_RE = re.compile(r"^[0-9A-Fa-f]{4}(,[0-9A-Fa-f]{4}){0,15}$")
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=5)


class DongleClient:
    def __init__(self, session: aiohttp.ClientSession):
        self.session = session

    @staticmethod
    def url_for(address: str, path: str) -> str:
        ip = ipaddress.ip_address(address)
        if ip not in DONGLE_SUBNET:
            raise ValueError("address is not on the bay dongle subnet")
        return f"http://{ip}:{DONGLE_PORT}/{path.lstrip('/')}"

    async def read(self, address: str, path: str) -> dict:
        target = self.url_for(address, path)
        async with self.session.get(target, timeout=REQUEST_TIMEOUT, allow_redirects=False) as resp:
            body = await resp.text()
            return {"status": resp.status, "body": body}


async def live_data(request: web.Request) -> web.Response:
    address = request.query.get("dongle")
    pids = request.query.get("pids", "010C,010D,0105")
    if not address or not PIDS_RE.match(pids):
        raise web.HTTPBadRequest(text="dongle address and valid pids required")
    client: DongleClient = request.app["dongles"]
    try:
        result = await client.read(address, f"/live?pids={pids}")
    except ValueError:
        raise web.HTTPForbidden(text="unknown dongle")
    except aiohttp.ClientError as exc:
        log.warning("dongle %r unreachable: %r", address, exc)
        raise web.HTTPBadGateway(text="dongle unreachable")
    return web.json_response({"dongle": address, **result})


async def clear_codes(request: web.Request) -> web.Response:
    body = await request.json()
    client: DongleClient = request.app["dongles"]
    try:
        result = await client.read(str(body["dongle"]), "/mode04")
    except ValueError:
        raise web.HTTPForbidden(text="unknown dongle")
    return web.json_response(result)


async def on_startup(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    app["dongles"] = DongleClient(app["http"])


async def on_cleanup(app: web.Application):
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/obd/live", live_data)
    app.router.add_post("/obd/clear", clear_codes)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8090)
