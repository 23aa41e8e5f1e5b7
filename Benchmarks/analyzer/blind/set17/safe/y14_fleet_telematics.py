"""aiohttp service receiving vehicle sensor profiles from fleet depots."""
import logging
import os
from dataclasses import dataclass, field
from typing import Dict, List

import yaml
from aiohttp import web

log = logging.getLogger("fleet.profiles")

MAX_PROFILE_BYTES = 64 * 1024
DEPOT_TOKENS = set(filter(None, os.environ.get("FLEET_DEPOT_TOKENS", "").split(",")))


@dataclass
class SensorProfile:
    vehicle_id: str
    sample_rate_hz: int
    channels: List[str] = field(default_factory=list)
    thresholds: Dict[str, float] = field(default_factory=dict)


class ProfileStore:
    def __init__(self):
        self._profiles: Dict[str, SensorProfile] = {}

    def put(self, profile: SensorProfile) -> None:
        self._profiles[profile.vehicle_id] = profile

    def get(self, vehicle_id: str) -> SensorProfile:
        return self._profiles[vehicle_id]


def parse_profile(vehicle_id: str, text: str) -> SensorProfile:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise ValueError("profile must be a mapping")
    return SensorProfile(
        vehicle_id=vehicle_id,
        sample_rate_hz=int(doc.get("sample_rate_hz", 10)),
        channels=[str(c) for c in doc.get("channels", [])],
        thresholds={str(k): float(v) for k, v in doc.get("thresholds", {}).items()},
    )


@web.middleware
async def depot_auth(request, handler):
    if request.headers.get("X-Depot-Token") not in DEPOT_TOKENS:
        raise web.HTTPUnauthorized()
    return await handler(request)


async def upload_profile(request: web.Request) -> web.Response:
    vehicle_id = request.match_info["vehicle_id"]
    depot = request.query.get("depot", "unknown")
    if request.content_length and request.content_length > MAX_PROFILE_BYTES:
        raise web.HTTPRequestEntityTooLarge(MAX_PROFILE_BYTES, request.content_length)
    text = await request.text()
    try:
        profile = parse_profile(vehicle_id, text)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise web.HTTPBadRequest(text="invalid profile: %s" % exc.__class__.__name__)
    request.app["store"].put(profile)
    log.info("profile stored vehicle=%s depot=%r channels=%d", vehicle_id, depot, len(profile.channels))
    return web.json_response({"vehicle_id": vehicle_id, "channels": profile.channels})


async def get_profile(request: web.Request) -> web.Response:
    try:
        profile = request.app["store"].get(request.match_info["vehicle_id"])
    except KeyError:
        raise web.HTTPNotFound()
    return web.json_response(profile.__dict__)


def create_app() -> web.Application:
    app = web.Application(middlewares=[depot_auth], client_max_size=MAX_PROFILE_BYTES)
    app["store"] = ProfileStore()
    app.router.add_put(r"/vehicles/{vehicle_id:[A-Z0-9-]{4,20}}/profile", upload_profile)
    app.router.add_get(r"/vehicles/{vehicle_id:[A-Z0-9-]{4,20}}/profile", get_profile)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8090")))
