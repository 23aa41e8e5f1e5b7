"""Ingest service for tank-sensor telemetry frames posted by cellar gateways."""
import asyncio
import hmac
import logging
import os
import pickle
import time
from dataclasses import dataclass, asdict

from aiohttp import web

log = logging.getLogger("telemetry.ingest")
GATEWAY_TOKENS = set(filter(None, os.environ.get("GATEWAY_TOKENS", "").split(",")))
MAX_FRAME = 256 * 1024


@dataclass
class Reading:
    tank_id: str
    sensor: str
    value: float
    ts: float


class FrameDecoder:
    content_type = "application/octet-stream"

    def decode(self, raw: bytes) -> dict:
        frame = pickle.loads(raw)  # VULN flow
        if not isinstance(frame, dict) or "readings" not in frame:
            raise ValueError("malformed frame")
        return frame


def _authorised(request: web.Request) -> bool:
    token = request.headers.get("X-Gateway-Token", "")
    return any(hmac.compare_digest(token, t) for t in GATEWAY_TOKENS)


async def ingest(request: web.Request) -> web.Response:
    if not _authorised(request):
        raise web.HTTPUnauthorized()
    if request.content_length and request.content_length > MAX_FRAME:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_FRAME, actual_size=request.content_length)

    body = await request.read()
    try:
        frame = request.app["decoder"].decode(body)
    except Exception as exc:
        log.warning("rejected frame from %s: %r", request.remote, exc)
        raise web.HTTPBadRequest(text="bad frame")

    readings = [
        Reading(str(r["tank"]), str(r["sensor"]), float(r["value"]), float(r.get("ts", time.time())))
        for r in frame["readings"]
    ]
    request.app["buffer"].extend(readings)
    return web.json_response({"accepted": len(readings)})


async def flush_loop(app: web.Application):
    while True:
        await asyncio.sleep(5)
        batch, app["buffer"] = app["buffer"], []
        if batch:
            log.info("flushing %d readings", len(batch))
            app["sink"].extend(asdict(r) for r in batch)


async def on_startup(app: web.Application):
    app["flusher"] = asyncio.create_task(flush_loop(app))


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_FRAME)
    app["decoder"] = FrameDecoder()
    app["buffer"] = []
    app["sink"] = []
    app.router.add_post("/v1/frames", ingest)
    app.on_startup.append(on_startup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host=os.environ.get("INGEST_HOST", "127.0.0.1"), port=8085)
