"""Outgoing webhooks for calendar events (Starlette).

Users register a URL per calendar; when events are created or changed we
POST a JSON payload there. The settings page has a "Send test" button.
"""
import json
import logging
import time

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("calendar.webhooks")

SUBSCRIPTIONS: dict = {}


class Subscription:
    def __init__(self, calendar_id: str, url: str, label: str):
        self.calendar_id = calendar_id
        self.url = url
        self.label = label
        self.failures = 0


async def deliver(sub: Subscription, payload: dict) -> httpx.Response:
    body = json.dumps(payload)
    async with httpx.AsyncClient(timeout=10.0, follow_redirects=True) as client:
        return await client.post(sub.url, content=body, headers={"Content-Type": "application/json"}, timeout=10.0)  # VULN flow


async def register(request: Request):
    cal_id = request.path_params["calendar_id"]
    data = await request.json()
    sub = Subscription(cal_id, data["url"], data.get("label", "webhook"))
    SUBSCRIPTIONS.setdefault(cal_id, []).append(sub)
    log.info("webhook '%s' registered for calendar %s" % (sub.label, cal_id))  # VULN flow
    return JSONResponse({"registered": True, "count": len(SUBSCRIPTIONS[cal_id])}, status_code=201)


async def send_test(request: Request):
    cal_id = request.path_params["calendar_id"]
    idx = int(request.query_params.get("index", "0"))
    try:
        sub = SUBSCRIPTIONS[cal_id][idx]
    except (KeyError, IndexError):
        return JSONResponse({"error": "no such webhook"}, status_code=404)
    payload = {"type": "test", "calendar": cal_id, "sent_at": int(time.time())}
    try:
        resp = await deliver(sub, payload)
    except httpx.HTTPError as exc:
        sub.failures += 1
        return JSONResponse({"ok": False, "error": str(exc)}, status_code=502)
    return JSONResponse({"ok": resp.is_success, "status": resp.status_code, "response": resp.text[:2000]})


async def fan_out(cal_id: str, event: dict):
    for sub in SUBSCRIPTIONS.get(cal_id, []):
        try:
            await deliver(sub, {"type": "event.changed", "calendar": cal_id, "event": event})
        except httpx.HTTPError:
            sub.failures += 1


app = Starlette(
    routes=[
        Route("/calendars/{calendar_id}/webhooks", register, methods=["POST"]),
        Route("/calendars/{calendar_id}/webhooks/test", send_test, methods=["POST"]),
    ]
)
