"""Courier arrival check-ins for the restaurant pickup shelf.

Drivers tap "I'm here" in the courier app; we log it and keep a flat
audit trail that the ops team greps when partners dispute wait times.
"""
import datetime as dt
import logging
import os
from dataclasses import dataclass

from aiohttp import web

log = logging.getLogger("pickup.checkin")
AUDIT_PATH = os.environ.get("CHECKIN_AUDIT", "/var/log/pickup/checkins.tsv")


@dataclass
class CheckIn:
    driver_id: str
    store: str
    order_ref: str
    note: str
    at: dt.datetime


class AuditTrail:
    def __init__(self, path: str):
        self.path = path

    def write(self, rec: CheckIn) -> None:
        line = f"{rec.at.isoformat()}\t{rec.store}\t{rec.driver_id}\t{rec.order_ref}\t{rec.note}\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)  # VULN flow


async def checkin(request: web.Request) -> web.Response:
    store = request.match_info["store_id"]
    try:
        data = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="expected JSON")
    driver_id = str(data.get("driver_id", "")).strip()
    order_ref = str(data.get("order_ref", "")).strip()
    if not driver_id or not order_ref:
        raise web.HTTPBadRequest(text="driver_id and order_ref required")

    rec = CheckIn(driver_id, store, order_ref, data.get("note", ""), dt.datetime.utcnow())
    request.app["audit"].write(rec)
    log.info("driver %s arrived at store %s for %s: %s", rec.driver_id, rec.store, rec.order_ref, rec.note)  # VULN flow

    ready = order_ref in request.app["ready_orders"].get(store, set())
    return web.json_response({"ok": True, "order_ready": ready})


async def mark_ready(request: web.Request) -> web.Response:
    store = request.match_info["store_id"]
    order_ref = request.match_info["order_ref"]
    request.app["ready_orders"].setdefault(store, set()).add(order_ref)
    return web.json_response({"ok": True})


def create_app() -> web.Application:
    app = web.Application()
    app["audit"] = AuditTrail(AUDIT_PATH)
    app["ready_orders"] = {}
    app.router.add_post(r"/stores/{store_id:\d+}/checkins", checkin)
    app.router.add_post(r"/stores/{store_id:\d+}/orders/{order_ref}/ready", mark_ready)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    web.run_app(create_app(), host="127.0.0.1", port=8081)
