"""Driver check-in service for the depot gate tablets (aiohttp).

The audit log is shipped to the SIEM and is what the transport manager uses
to reconcile driver hours against the tachograph data.
"""
import logging
from datetime import datetime, timezone

from aiohttp import web

log = logging.getLogger("depot.checkin")
audit = logging.getLogger("depot.audit")

DEPOTS = {"north", "riverside", "eastgate"}


class CheckinService:
    def __init__(self) -> None:
        self.active = {}

    def record(self, depot: str, driver_id: str, vehicle_reg: str, odometer: int) -> dict:
        entry = {
            "depot": depot,
            "driver_id": driver_id,
            "vehicle_reg": vehicle_reg,
            "odometer": odometer,
            "at": datetime.now(timezone.utc).isoformat(),
        }
        self.active[driver_id] = entry
        return entry


async def checkin(request: web.Request) -> web.Response:
    depot = request.match_info["depot"]
    if depot not in DEPOTS:
        raise web.HTTPNotFound()
    form = await request.post()
    driver_id = form.get("driver_id", "").strip()
    vehicle_reg = form.get("vehicle_reg", "").strip().upper()
    try:
        odometer = int(form.get("odometer", "0"))
    except ValueError:
        raise web.HTTPBadRequest(text="odometer must be a number")
    if not driver_id or not vehicle_reg:
        raise web.HTTPBadRequest(text="driver and vehicle are required")

    entry = request.app["service"].record(depot, driver_id, vehicle_reg, odometer)
    audit.info("CHECKIN depot=%s driver=%r vehicle=%r odo=%d", depot, driver_id, vehicle_reg, odometer)
    return web.json_response(entry)


async def defect_report(request: web.Request) -> web.Response:
    body = await request.json()
    vehicle_reg = str(body.get("vehicle_reg", "")).upper()
    note = body.get("note", "")
    severity = body.get("severity", "minor")
    if severity not in ("minor", "major", "vor"):
        raise web.HTTPBadRequest(text="unknown severity")
    log.warning("defect (%s) reported on %r: %r", severity, vehicle_reg, note)
    return web.json_response({"logged": True})


def make_app() -> web.Application:
    app = web.Application()
    app["service"] = CheckinService()
    app.router.add_post("/depots/{depot}/checkin", checkin)
    app.router.add_post("/defects", defect_report)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    web.run_app(make_app(), host="127.0.0.1", port=8084)
