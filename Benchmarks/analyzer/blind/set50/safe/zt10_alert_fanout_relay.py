"""Fan-out relay: forwards monitoring alerts to subscriber webhooks."""
import hmac
import logging
import os
import uuid
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("relay")

PUBLISH_TOKEN = os.environ.get("RELAY_PUBLISH_TOKEN", "")
DELIVERY_TIMEOUT = 5.0
ALLOWED_CALLBACK_HOSTS = {"hooks.slack.com", "events.pagerduty.com", "api.opsgenie.com", "outlook.office.com"}
SUBSCRIPTIONS: dict = {}


def check_callback(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_CALLBACK_HOSTS or parts.port not in (None, 443):
        raise ValueError("callback host not allowed")
    return url


async def subscribe(request: Request) -> JSONResponse:
    data = await request.json()
    callback = data.get("callback_url")
    if not callback:
        return JSONResponse({"error": "callback_url required"}, status_code=400)
    try:
        callback = check_callback(callback)
    except ValueError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    sub_id = uuid.uuid4().hex
    SUBSCRIPTIONS[sub_id] = {
        "callback_url": callback,
        "events": set(data.get("events") or ["alert.firing", "alert.resolved"]),
        "owner": data.get("owner"),
    }
    log.info("new subscription %s for owner %r", sub_id, data.get("owner"))
    return JSONResponse({"id": sub_id}, status_code=201)


async def deliver(sub: dict, event: dict) -> int:
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.post(check_callback(sub["callback_url"]), json=event, timeout=DELIVERY_TIMEOUT)
    return resp.status_code


async def publish(request: Request) -> JSONResponse:
    token = request.headers.get("authorization", "").removeprefix("Bearer ")
    if not PUBLISH_TOKEN or not hmac.compare_digest(token, PUBLISH_TOKEN):
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    event = await request.json()
    results = {}
    for sub_id, sub in list(SUBSCRIPTIONS.items()):
        if event.get("type") not in sub["events"]:
            continue
        try:
            results[sub_id] = await deliver(sub, event)
        except httpx.HTTPError as exc:
            results[sub_id] = type(exc).__name__
    return JSONResponse({"delivered": results})


async def test_subscription(request: Request) -> JSONResponse:
    sub = SUBSCRIPTIONS.get(request.path_params["sub_id"])
    if sub is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    target = check_callback(sub["callback_url"])
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.get(target, timeout=DELIVERY_TIMEOUT)
    return JSONResponse({"status": resp.status_code, "body": resp.text[:500]})


app = Starlette(routes=[
    Route("/subscriptions", subscribe, methods=["POST"]),
    Route("/subscriptions/{sub_id}/test", test_subscription, methods=["POST"]),
    Route("/publish", publish, methods=["POST"]),
])
