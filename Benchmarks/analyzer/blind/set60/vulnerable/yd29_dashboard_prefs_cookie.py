"""Environmental sensor dashboard with per-browser preferences (aiohttp)."""
import base64
import logging
from dataclasses import asdict, dataclass, field

import jsonpickle
from aiohttp import web

log = logging.getLogger("envdash")

COOKIE = "envdash_prefs"
UNITS = ("metric", "imperial")


@dataclass
class DashboardPrefs:
    units: str = "metric"
    stations: list = field(default_factory=lambda: ["ST-001"])
    refresh_s: int = 60
    show_alerts: bool = True


def load_prefs(request: web.Request) -> DashboardPrefs:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return DashboardPrefs()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode("utf-8")
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except Exception:
        log.info("discarding unreadable prefs cookie")
        return DashboardPrefs()
    return prefs if isinstance(prefs, DashboardPrefs) else DashboardPrefs()


def dump_prefs(prefs: DashboardPrefs) -> str:
    return base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode("utf-8")).decode("ascii")


async def get_prefs(request: web.Request) -> web.Response:
    return web.json_response(asdict(load_prefs(request)))


async def update_prefs(request: web.Request) -> web.Response:
    body = await request.json()
    prefs = load_prefs(request)
    if body.get("units") in UNITS:
        prefs.units = body["units"]
    if isinstance(body.get("stations"), list):
        prefs.stations = [str(s)[:16] for s in body["stations"]][:12]
    if "refresh_s" in body:
        prefs.refresh_s = max(15, min(3600, int(body["refresh_s"])))
    resp = web.json_response(asdict(prefs))
    resp.set_cookie(COOKIE, dump_prefs(prefs), max_age=365 * 86400, httponly=True, samesite="Lax")
    return resp


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/api/prefs", get_prefs)
    app.router.add_put("/api/prefs", update_prefs)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8095)
