"""TLE refresh service.

Mission operators register a TLE source for each spacecraft; the service pulls
the element set on demand and keeps the parsed result in memory for the pass
predictor.
"""
import logging

import aiohttp
from aiohttp import web

log = logging.getLogger("tle_service")
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=15)


def parse_tle(text: str) -> list:
    lines = [ln.rstrip() for ln in text.splitlines() if ln.strip()]
    sets = []
    for i in range(0, len(lines) - 2, 3):
        name, line1, line2 = lines[i], lines[i + 1], lines[i + 2]
        if line1.startswith("1 ") and line2.startswith("2 "):
            sets.append({"name": name.strip(), "line1": line1, "line2": line2})
    return sets


class TleCache:
    def __init__(self):
        self._sets = {}

    def put(self, satellite: str, sets: list) -> None:
        self._sets[satellite] = sets

    def get(self, satellite: str) -> list:
        return self._sets.get(satellite, [])


async def fetch_text(session: aiohttp.ClientSession, url: str) -> str:
    async with session.get(url, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
        resp.raise_for_status()
        return await resp.text()


async def refresh(request: web.Request) -> web.Response:
    body = await request.json()
    satellite = str(body.get("satellite", "")).upper()
    source = body.get("source_url") or request.app["defaults"].get(satellite)
    if not satellite or not source:
        raise web.HTTPBadRequest(text="satellite and source_url required")
    try:
        text = await fetch_text(request.app["http"], source)
    except aiohttp.ClientError as exc:
        raise web.HTTPBadGateway(text=f"fetch failed: {exc}")
    sets = parse_tle(text)
    if not sets:
        # show the operator what came back so they can fix the source
        return web.json_response({"satellite": satellite, "count": 0, "raw": text[:500]}, status=422)
    request.app["cache"].put(satellite, sets)
    log.info("refreshed %r: %d element sets", satellite, len(sets))
    return web.json_response({"satellite": satellite, "count": len(sets)})


async def get_tle(request: web.Request) -> web.Response:
    satellite = request.match_info["sat"].upper()
    return web.json_response(request.app["cache"].get(satellite))


async def on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app["cache"] = TleCache()
    app["defaults"] = {
        "ISS": "https://celestrak.org/NORAD/elements/gp.php?CATNR=25544&FORMAT=tle",
    }
    app.router.add_post("/tle/refresh", refresh)
    app.router.add_get("/tle/{sat}", get_tle)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)
