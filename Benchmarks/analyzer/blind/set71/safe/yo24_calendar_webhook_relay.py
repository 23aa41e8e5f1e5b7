"""Outgoing webhooks for calendar events (Starlette).

Users register a URL per calendar; when events are created or changed we
POST a JSON payload there. The settings page has a "Send test" button.
"""
import ipaddress
import json
import logging
import socket
import time
from urllib.parse import urlparse

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


def public_target(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        return False
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


async def deliver(sub: Subscription, payload: dict) -> httpx.Response:
    if not public_target(sub.url):
        raise httpx.InvalidURL("webhook target is not a public https endpoint")
    body = json.dumps(payload)
    async with httpx.AsyncClient(timeout=10.0, follow_redirects=False) as client:
        return await client.post(sub.url, content=body, headers={"Content-Type": "application/json"}, timeout=10.0)


async def register(request: Request):
    cal_id = request.path_params["calendar_id"]
    data = await request.json()
    if not public_target(data["url"]):
        return JSONResponse({"error": "webhook URL must be a public https endpoint"}, status_code=400)
    sub = Subscription(cal_id, data["url"], data.get("label", "webhook"))
    SUBSCRIPTIONS.setdefault(cal_id, []).append(sub)
    log.info("webhook %r registered for calendar %r", sub.label, cal_id)
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
    return JSONResponse({"ok": resp.is_success, "status": resp.status_code})


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
