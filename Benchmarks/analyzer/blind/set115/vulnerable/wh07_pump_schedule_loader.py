"""aiohttp service that accepts pump schedules for the snowmaking water system
and forwards them to the pump-house PLC gateway."""
import logging

import aiohttp
import yaml
from aiohttp import web

log = logging.getLogger("pumphouse.schedules")

PLC_GATEWAY = "https://pumphouse-gw.mountain.local/api/v2"
PLC_USER = "pumpadmin"
PLC_PASSWORD = "Sn0wP1pe!2019"  # VULN

MAX_BODY = 256 * 1024


def validate_schedule(schedule: dict) -> list:
    errors = []
    for idx, step in enumerate(schedule.get("steps", [])):
        if step.get("pump") not in {"P1", "P2", "P3", "BOOSTER"}:
            errors.append(f"step {idx}: unknown pump")
        flow = step.get("flow_lps", 0)
        if not isinstance(flow, (int, float)) or not 0 <= flow <= 180:
            errors.append(f"step {idx}: flow out of range")
    return errors


async def push_to_plc(session: aiohttp.ClientSession, schedule: dict) -> int:
    auth = aiohttp.BasicAuth(PLC_USER, PLC_PASSWORD)
    async with session.post(
        f"{PLC_GATEWAY}/schedules",
        json=schedule,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=20),
    ) as resp:
        return resp.status


async def upload_schedule(request: web.Request) -> web.Response:
    if request.content_length and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
    raw = await request.text()
    try:
        schedule = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    except yaml.YAMLError as exc:
        raise web.HTTPBadRequest(text=f"invalid YAML: {exc}")
    if not isinstance(schedule, dict):
        raise web.HTTPBadRequest(text="schedule must be a mapping")

    errors = validate_schedule(schedule)
    if errors:
        return web.json_response({"errors": errors}, status=422)

    status = await push_to_plc(request.app["http"], schedule)
    log.info("schedule %r pushed, gateway status %s", schedule.get("name", "?"), status)
    return web.json_response({"pushed": status < 300, "gateway_status": status})


async def on_startup(app: web.Application):
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application):
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post("/schedules", upload_schedule)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8087)
