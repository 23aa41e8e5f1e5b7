"""Receives status beacons from CNC machines on the plant floor."""
import logging
from datetime import datetime, timezone

from aiohttp import web

logger = logging.getLogger("plant.beacons")
routes = web.RouteTableDef()

KNOWN_STATES = {"RUNNING", "IDLE", "FAULT", "MAINTENANCE"}


class BeaconStore:
    def __init__(self):
        self._latest = {}

    def record(self, machine_id, state, detail):
        self._latest[machine_id] = {
            "state": state,
            "detail": detail,
            "received_at": datetime.now(timezone.utc).isoformat(),
        }

    def faults(self):
        return {mid: b for mid, b in self._latest.items() if b["state"] == "FAULT"}

    def snapshot(self):
        return dict(self._latest)


def fault_fields(machine_id, detail):
    return machine_id, detail


@routes.post("/beacons")
async def receive_beacon(request):
    try:
        beacon = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="body must be JSON")
    state = beacon.get("state")
    if state not in KNOWN_STATES or "machine_id" not in beacon:
        raise web.HTTPBadRequest(text="unknown state or missing machine_id")

    machine_id = str(beacon["machine_id"])[:64]
    detail = str(beacon.get("detail", ""))[:500]
    request.app["store"].record(machine_id, state, detail)
    if state == "FAULT":
        fields = fault_fields(machine_id, detail)
        logger.warning("fault beacon machine=%r detail=%r", *fields)
    else:
        logger.debug("beacon machine=%r state=%r", machine_id, state)
    return web.json_response({"accepted": True}, status=202)


@routes.get("/beacons")
async def list_beacons(request):
    store = request.app["store"]
    if request.query.get("only") == "faults":
        return web.json_response(store.faults())
    return web.json_response(store.snapshot())


def create_app():
    app = web.Application(client_max_size=64 * 1024)
    app["store"] = BeaconStore()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    web.run_app(create_app(), host="127.0.0.1", port=8085)
