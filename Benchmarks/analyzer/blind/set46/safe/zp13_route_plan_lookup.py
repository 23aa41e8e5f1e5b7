"""Route-plan lookup service.

The planning system exports tomorrow's delivery routes as one XML document;
driver apps query stops for their route through this Starlette service.
"""
import logging
import os

from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("route-plan")
PLAN_PATH = os.environ.get("ROUTE_PLAN_XML", "/srv/plans/current.xml")


class RoutePlan:
    def __init__(self, path: str):
        self.path = path
        self.mtime = 0.0
        self.tree = None

    def _load(self):
        mtime = os.path.getmtime(self.path)
        if self.tree is None or mtime != self.mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self.tree = etree.parse(self.path, parser)
            self.mtime = mtime
        return self.tree

    def query(self, expr: str, **variables):
        return self._load().xpath(expr, **variables)


plan = RoutePlan(PLAN_PATH)


def stop_to_dict(el) -> dict:
    return {
        "seq": int(el.get("seq", "0")),
        "address": el.findtext("address", default=""),
        "window": el.findtext("window", default=""),
        "parcels": int(el.findtext("parcels", default="0")),
    }


async def route_stops(request):
    route_id = request.path_params["route_id"]
    driver = request.query_params.get("driver", "")
    expr = "/plan/route[@id=$rid and @driver=$drv]/stop"
    stops = [stop_to_dict(el) for el in plan.query(expr, rid=route_id, drv=driver)]
    if not stops:
        return JSONResponse({"error": "no stops for that route/driver"}, status_code=404)
    log.info("served %d stops for route %r", len(stops), route_id)
    return JSONResponse({"route": route_id, "stops": sorted(stops, key=lambda s: s["seq"])})


async def stops_by_postcode(request):
    postcode = request.query_params.get("postcode", "")
    expr = "//stop[starts-with(postcode, $pc)]"
    stops = [stop_to_dict(el) for el in plan.query(expr, pc=postcode)]
    return JSONResponse({"postcode": postcode, "stops": stops[:100]})


async def summary(request):
    routes = plan.query("/plan/route")
    return JSONResponse({"routes": len(routes), "stops": int(plan.query("count(//stop)"))})


app = Starlette(routes=[
    Route("/routes/{route_id}/stops", route_stops),
    Route("/stops", stops_by_postcode),
    Route("/summary", summary),
])
