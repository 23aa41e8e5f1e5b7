"""Public rate lookup endpoint backed by the revenue team's rate-plan export.

The revenue system drops an XML file with every rate plan (public, corporate,
negotiated wholesale); the booking widget may only ever see public plans.
"""
import logging
import os
from functools import lru_cache
from typing import Optional, Tuple

from lxml import etree
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

RATE_FILE = os.environ.get("RATE_PLAN_XML", "/srv/revenue/rateplans.xml")
log = logging.getLogger("booking.rates")


@lru_cache(maxsize=1)
def load_tree():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(RATE_FILE, parser)


class RateQuery:
    def __init__(self, plan_code: str, room_type: str, channel: Optional[str] = None):
        self.plan_code = plan_code
        self.room_type = room_type
        self.channel = channel

    def expression(self) -> Tuple[str, dict]:
        expr = "//RatePlan[@public='true' and @code=$plan]/Rate[@roomType=$room]"
        variables = {"plan": self.plan_code, "room": self.room_type}
        if self.channel:
            expr += "[@channel=$channel]"
            variables["channel"] = self.channel
        return expr, variables


def _rate_to_dict(node) -> dict:
    plan = node.getparent()
    return {
        "plan": plan.get("code"),
        "name": plan.get("name"),
        "room_type": node.get("roomType"),
        "date": node.get("date"),
        "amount": node.get("amount"),
        "currency": plan.get("currency", "EUR"),
    }


async def lookup_rate(request: Request) -> JSONResponse:
    params = request.query_params
    if not params.get("plan") or not params.get("room"):
        return JSONResponse({"error": "plan and room are required"}, status_code=400)
    query = RateQuery(params["plan"], params["room"], params.get("channel"))
    expr, variables = query.expression()
    try:
        nodes = load_tree().xpath(expr, **variables)
    except etree.XPathEvalError:
        return JSONResponse({"error": "bad query"}, status_code=400)
    return JSONResponse({"rates": [_rate_to_dict(n) for n in nodes]})


app = Starlette(routes=[Route("/rates", lookup_rate)])
