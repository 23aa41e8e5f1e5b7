"""Route planner service: lets dispatchers save and resume multi-stop plans.

The dispatcher web app keeps the in-progress plan client-side between
steps and posts it back when the dispatcher continues editing.
"""
import base64
import json
import logging
from dataclasses import asdict, dataclass, field
from typing import List, Tuple

from aiohttp import web

log = logging.getLogger("route-planner")


@dataclass
class Stop:
    label: str
    lat: float
    lon: float
    service_min: int = 5


@dataclass
class RoutePlan:
    vehicle_id: str
    stops: List[Stop] = field(default_factory=list)

    def total_service(self) -> int:
        return sum(s.service_min for s in self.stops)

    def bbox(self) -> Tuple[float, float, float, float]:
        lats = [s.lat for s in self.stops] or [0.0]
        lons = [s.lon for s in self.stops] or [0.0]
        return min(lats), min(lons), max(lats), max(lons)


def encode_plan(plan: RoutePlan) -> str:
    return base64.urlsafe_b64encode(json.dumps(asdict(plan)).encode()).decode()


def decode_plan(blob: str) -> RoutePlan:
    raw = base64.urlsafe_b64decode(blob.encode())
    data = json.loads(raw)
    stops = [
        Stop(str(s["label"]), float(s["lat"]), float(s["lon"]), int(s["service_min"]))
        for s in data.get("stops", [])
    ]
    return RoutePlan(vehicle_id=str(data["vehicle_id"]), stops=stops)


async def new_plan(request: web.Request) -> web.Response:
    body = await request.json()
    plan = RoutePlan(vehicle_id=str(body["vehicle_id"]))
    return web.json_response({"state": encode_plan(plan)})


async def add_stop(request: web.Request) -> web.Response:
    body = await request.json()
    plan = decode_plan(body["state"])
    plan.stops.append(
        Stop(
            label=str(body.get("label", "")),
            lat=float(body["lat"]),
            lon=float(body["lon"]),
            service_min=int(body.get("service_min", 5)),
        )
    )
    log.info("vehicle=%r stops=%d", plan.vehicle_id, len(plan.stops))
    return web.json_response({"state": encode_plan(plan), "stops": len(plan.stops)})


async def summary(request: web.Request) -> web.Response:
    state = request.query.get("state", "")
    if not state:
        raise web.HTTPBadRequest(text="missing state")
    plan = decode_plan(state)
    return web.json_response(
        {
            "vehicle_id": plan.vehicle_id,
            "stops": [s.label for s in plan.stops],
            "service_minutes": plan.total_service(),
            "bbox": plan.bbox(),
        }
    )


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/plans", new_plan)
    app.router.add_post("/plans/stops", add_stop)
    app.router.add_get("/plans/summary", summary)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8086)
