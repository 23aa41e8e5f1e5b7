from dataclasses import dataclass, field

import httpx
from sanic import Sanic
from sanic.response import json

app = Sanic("subscriptions")


@dataclass
class Subscription:
    name: str
    callback_url: str
    events: list = field(default_factory=lambda: ["*"])


@app.post("/subscriptions/test")
async def test_subscription(request):
    body = request.json or {}
    sub = Subscription(
        name=body.get("name", "unnamed"),
        callback_url=body["callback_url"],
        events=body.get("events", ["*"]),
    )
    async with httpx.AsyncClient(timeout=5.0) as client:
        resp = await client.post(sub.callback_url, json={"type": "ping", "events": sub.events})  # VULN flow
    return json({"name": sub.name, "status": resp.status_code, "body": resp.text[:500]})
