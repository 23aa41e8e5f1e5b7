"""Points transfer hand-off to loyalty partners (airlines, car hire).

Partner sites send members here with ?partner=...&return_to=...; after the
member confirms the transfer we bounce them back to the partner.
"""
import logging
import secrets
from typing import Optional
from urllib.parse import urlsplit

from aiohttp import web

log = logging.getLogger("loyalty.partners")

PARTNERS = {
    "skyair": {"name": "SkyAir Miles", "ratio": 0.8, "hosts": {"miles.skyair.example"},
               "default_return": "https://miles.skyair.example/hotel-transfer/done"},
    "roadcar": {"name": "RoadCar Rewards", "ratio": 1.0, "hosts": {"rewards.roadcar.example"},
                "default_return": "https://rewards.roadcar.example/partners/complete"},
}


def _partner_return(partner: dict, return_to: str) -> str:
    parts = urlsplit(return_to)
    if parts.scheme == "https" and (parts.hostname or "").lower() in partner["hosts"]:
        return return_to
    return partner["default_return"]


async def current_member(request: web.Request) -> Optional[dict]:
    sid = request.cookies.get("hr_session")
    return request.app["sessions"].get(sid) if sid else None


async def start_transfer(request: web.Request) -> web.Response:
    member = await current_member(request)
    if member is None:
        raise web.HTTPFound("/login?next=" + request.path_qs)
    partner = request.query.get("partner", "")
    if partner not in PARTNERS:
        raise web.HTTPBadRequest(text="unknown partner")
    try:
        points = int(request.query.get("points", "0"))
    except ValueError:
        raise web.HTTPBadRequest(text="points must be a number")
    if points <= 0 or points > member["points"]:
        raise web.HTTPBadRequest(text="invalid points amount")
    state_id = secrets.token_urlsafe(16)
    request.app["pending"][state_id] = {
        "member_id": member["id"],
        "partner": partner,
        "points": points,
        "return_to": request.query.get("return_to", ""),
    }
    raise web.HTTPFound(f"/transfer/confirm?state={state_id}")


async def complete_transfer(request: web.Request) -> web.Response:
    member = await current_member(request)
    state = request.app["pending"].pop(request.query.get("state", ""), None)
    if member is None or state is None or state["member_id"] != member["id"]:
        raise web.HTTPBadRequest(text="transfer expired")
    partner = PARTNERS[state["partner"]]
    member["points"] -= state["points"]
    log.info("member %s moved %d points to %s", member["id"], state["points"], state["partner"])
    target = _partner_return(partner, state["return_to"])
    raise web.HTTPFound(target)


def build_app() -> web.Application:
    app = web.Application()
    app["sessions"] = {}
    app["pending"] = {}
    app.router.add_get("/transfer/start", start_transfer)
    app.router.add_post("/transfer/complete", complete_transfer)
    return app


if __name__ == "__main__":
    web.run_app(build_app(), host="127.0.0.1", port=8095)
