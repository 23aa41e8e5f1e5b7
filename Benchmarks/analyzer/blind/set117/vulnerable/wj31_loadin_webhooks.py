"""Load-in schedule notifications (aiohttp).

Touring production offices register a webhook and we POST to it whenever the
venue changes their load-in slot, dock assignment or curfew.
"""
import logging
import uuid
from dataclasses import dataclass, field
from typing import Dict, List

import aiohttp
from aiohttp import web

log = logging.getLogger("loadin-hooks")

HOOK_TIMEOUT = aiohttp.ClientTimeout(total=10)


@dataclass
class Subscription:
    sub_id: str
    tour_code: str
    callback_url: str
    events: List[str] = field(default_factory=lambda: ["slot_changed"])


class HookRegistry:
    def __init__(self):
        self.subs: Dict[str, Subscription] = {}

    def add(self, tour_code: str, url: str, events: List[str]) -> Subscription:
        sub = Subscription(str(uuid.uuid4()), tour_code, url.strip(), events or ["slot_changed"])
        self.subs[sub.sub_id] = sub
        return sub

    def for_tour(self, tour_code: str, event: str) -> List[Subscription]:
        return [s for s in self.subs.values() if s.tour_code == tour_code and event in s.events]


async def deliver(session: aiohttp.ClientSession, sub: Subscription, payload: dict) -> int:
    async with session.post(sub.callback_url, json=payload, timeout=HOOK_TIMEOUT) as resp:  # VULN flow
        body = await resp.text()
        if resp.status >= 400:
            log.warning("hook %s answered %d", sub.sub_id, resp.status)
        return resp.status if body is not None else 0


async def register(request: web.Request) -> web.Response:
    data = await request.json()
    sub = request.app["registry"].add(data["tour_code"], data["callback_url"], data.get("events", []))
    # Confirm the endpoint is reachable before accepting it.
    status = await deliver(request.app["http"], sub, {"type": "ping", "subscription": sub.sub_id})
    return web.json_response({"id": sub.sub_id, "ping_status": status}, status=201)


async def slot_changed(request: web.Request) -> web.Response:
    data = await request.json()
    payload = {"type": "slot_changed", "tour_code": data["tour_code"],
               "venue": data["venue"], "load_in": data["load_in"], "dock": data.get("dock")}
    results = {}
    for sub in request.app["registry"].for_tour(data["tour_code"], "slot_changed"):
        try:
            results[sub.sub_id] = await deliver(request.app["http"], sub, payload)
        except aiohttp.ClientError as exc:
            results[sub.sub_id] = repr(exc)
    return web.json_response(results)


async def on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def build_app() -> web.Application:
    app = web.Application()
    app["registry"] = HookRegistry()
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    app.router.add_post("/hooks", register)
    app.router.add_post("/events/slot-changed", slot_changed)
    return app
