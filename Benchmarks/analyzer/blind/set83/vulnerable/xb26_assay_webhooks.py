"""Partner webhook registrations for assay-completed notifications (Starlette)."""
import logging
import uuid
from datetime import datetime, timezone

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("webhooks")
SUPPORTED_EVENTS = {"assay.completed", "assay.failed", "plate.released"}


class Subscription:
    def __init__(self, partner: str, callback_url: str, events):
        self.sub_id = uuid.uuid4().hex
        self.partner = partner
        self.callback_url = callback_url
        self.events = [e for e in events if e in SUPPORTED_EVENTS] or ["assay.completed"]
        self.created = datetime.now(timezone.utc).isoformat()


SUBSCRIPTIONS: dict = {}


async def send_ping(sub: Subscription):
    payload = {"type": "ping", "subscription": sub.sub_id, "events": sub.events, "sent": sub.created}
    async with httpx.AsyncClient(timeout=5.0) as client:
        try:
            resp = await client.post(sub.callback_url, json=payload, timeout=5.0)  # VULN flow
        except httpx.HTTPError as exc:
            return False, f"{type(exc).__name__}: {exc}"
    return resp.is_success, resp.text[:300]


async def register(request: Request) -> JSONResponse:
    data = await request.json()
    partner = str(data.get("partner", "")).strip()
    callback = str(data.get("callback_url", "")).strip()
    if not partner or not callback.startswith(("http://", "https://")):
        return JSONResponse({"error": "partner and http(s) callback_url required"}, status_code=400)
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
