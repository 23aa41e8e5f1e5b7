"""CI event relay: teams register webhook targets for build notifications (aiohttp)."""
import json
import logging
import uuid

import aiohttp
from aiohttp import web

log = logging.getLogger("relay")
TIMEOUT = aiohttp.ClientTimeout(total=10)


class Subscription:
    def __init__(self, team: str, target_url: str, events):
        self.id = uuid.uuid4().hex
        self.team = team
        self.target_url = target_url
        self.events = set(events)

    def wants(self, event: str) -> bool:
        return "*" in self.events or event in self.events


class Registry:
    def __init__(self):
        self._subs = {}

    def add(self, sub: Subscription) -> None:
        self._subs[sub.id] = sub

    def get(self, sub_id: str) -> Subscription:
        return self._subs[sub_id]

    def matching(self, event: str):
        return [s for s in self._subs.values() if s.wants(event)]


async def deliver(session: aiohttp.ClientSession, sub: Subscription, payload: dict) -> int:
    async with session.post(sub.target_url, json=payload, timeout=TIMEOUT) as resp:  # VULN flow
        return resp.status


async def create_subscription(request: web.Request) -> web.Response:
    body = await request.json()
    sub = Subscription(body["team"], body["url"], body.get("events", ["build.failed"]))
    request.app["registry"].add(sub)
    return web.json_response({"id": sub.id}, status=201)


async def test_subscription(request: web.Request) -> web.Response:
    """Send a ping and echo the target's response so teams can debug their endpoint."""
    sub = request.app["registry"].get(request.match_info["sub_id"])
    session: aiohttp.ClientSession = request.app["http"]
    async with session.get(sub.target_url, timeout=TIMEOUT) as resp:  # VULN flow
        text = await resp.text()
    return web.json_response({"status": resp.status, "body": text[:4000]})


async def publish_event(request: web.Request) -> web.Response:
    event = await request.json()
    session = request.app["http"]
    results = {}
    for sub in request.app["registry"].matching(event["type"]):
        try:
            results[sub.id] = await deliver(session, sub, event)
        except aiohttp.ClientError as exc:
            log.warning("delivery to %s failed: %s", sub.id, exc.__class__.__name__)
            results[sub.id] = None
    return web.json_response({"delivered": results})


async def on_startup(app: web.Application):
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application):
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app["registry"] = Registry()
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    app.router.add_post("/subscriptions", create_subscription)
    app.router.add_post("/subscriptions/{sub_id}/test", test_subscription)
    app.router.add_post("/events", publish_event)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8090)
