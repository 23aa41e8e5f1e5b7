"""Seat attribute lookups over the venue's seat-plan XML (aiohttp).

Each auditorium's plan is the XML exported from the venue CAD tool and lists
every seat with its sightline rating, access flags and price zone.
"""
import logging
from pathlib import Path

from aiohttp import web
from lxml import etree

log = logging.getLogger("seatplan")
PLAN_DIR = Path("/srv/seatplans")


class SeatPlan:
    def __init__(self, path: Path):
        self.tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))

    def seat_query(self) -> str:
        return (
            "/plan/level[@name=$level]/row[@label=$row]"
            "/seat[@number=$number]"
        )

    def seat(self, level: str, row: str, number: str):
        expr = self.seat_query()
        nodes = self.tree.xpath(expr, level=level, row=row, number=number)
        return nodes[0] if nodes else None

    def zone_seats(self, zone: str):
        return self.tree.xpath("//seat[@zone=$zone]", zone=zone)


PLANS = {}


def plan_for(auditorium: str) -> SeatPlan:
    if auditorium not in PLANS:
        candidates = {p.stem: p for p in PLAN_DIR.glob("*.xml")}
        if auditorium not in candidates:
            raise web.HTTPNotFound(text="unknown auditorium")
        PLANS[auditorium] = SeatPlan(candidates[auditorium])
    return PLANS[auditorium]


async def seat_info(request: web.Request) -> web.Response:
    plan = plan_for(request.match_info["auditorium"])
    q = request.query
    node = plan.seat(q.get("level", "stalls"), q.get("row", ""), q.get("seat", ""))
    if node is None:
        raise web.HTTPNotFound(text="no such seat")
    return web.json_response({
        "row": node.getparent().get("label"),
        "number": node.get("number"),
        "zone": node.get("zone"),
        "sightline": node.get("sightline"),
        "wheelchair": node.get("wheelchair") == "true",
        "restricted_view": node.get("restricted") == "true",
    })


async def zone_count(request: web.Request) -> web.Response:
    plan = plan_for(request.match_info["auditorium"])
    seats = plan.zone_seats(request.query.get("zone", "A"))
    return web.json_response({"count": len(seats)})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/plans/{auditorium}/seat", seat_info)
    app.router.add_get("/plans/{auditorium}/zone", zone_count)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8092)
