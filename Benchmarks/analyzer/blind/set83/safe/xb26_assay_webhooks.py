"""Partner webhook registrations for assay-completed notifications (Starlette)."""
import logging
import uuid
from datetime import datetime, timezone
from urllib.parse import urlparse

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("webhooks")
SUPPORTED_EVENTS = {"assay.completed", "assay.failed", "plate.released"}
PARTNER_DOMAINS = {
    "wuxi": "hooks.wuxiapptec.example",
    "charles-river": "notify.criver.example",
    "evotec": "api.evotec.example",
}


class Subscription:
    def __init__(self, partner: str, callback_url: str, events):
        self.sub_id = uuid.uuid4().hex
        self.partner = partner
        self.callback_url = callback_url
        self.events = [e for e in events if e in SUPPORTED_EVENTS] or ["assay.completed"]
        self.created = datetime.now(timezone.utc).isoformat()


SUBSCRIPTIONS: dict = {}


def callback_allowed(partner: str, url: str) -> bool:
    parsed = urlparse(url)
    expected = PARTNER_DOMAINS.get(partner)
    return parsed.scheme == "https" and expected is not None and parsed.hostname == expected and parsed.port in (None, 443)


async def send_ping(sub: Subscription):
    payload = {"type": "ping", "subscription": sub.sub_id, "events": sub.events, "sent": sub.created}
    async with httpx.AsyncClient(timeout=5.0, follow_redirects=False) as client:
        try:
            resp = await client.post(sub.callback_url, json=payload, timeout=5.0)
        except httpx.HTTPError as exc:
            return False, type(exc).__name__
    return resp.is_success, f"HTTP {resp.status_code}"


async def register(request: Request) -> JSONResponse:
    data = await request.json()
    partner = str(data.get("partner", "")).strip()
    callback = str(data.get("callback_url", "")).strip()
    if not partner or not callback_allowed(partner, callback):
        return JSONResponse({"error": "known partner and https callback on its registered host required"}, status_code=400)
    sub = Subscription(partner, callback, data.get("events", []))
    SUBSCRIPTIONS[sub.sub_id] = sub
    ok, detail = await send_ping(sub)
    log.info("subscription %s registered, ping ok=%s", sub.sub_id, ok)
    return JSONResponse({"id": sub.sub_id, "events": sub.events, "ping_ok": ok, "ping_detail": detail},
                        status_code=201)


async def unregister(request: Request) -> JSONResponse:
    sub = SUBSCRIPTIONS.pop(request.path_params["sub_id"], None)
    if sub is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({"deleted": sub.sub_id})


app = Starlette(routes=[
    Route("/webhooks", register, methods=["POST"]),
    Route("/webhooks/{sub_id}", unregister, methods=["DELETE"]),
])
