"""Webhook subscriptions for campaign events (opens, clicks, bounces)."""
import json
import logging
import time
import uuid

from aiohttp import ClientError, ClientSession, ClientTimeout, web

log = logging.getLogger("mailer.webhooks")
routes = web.RouteTableDef()

KNOWN_EVENTS = {"open", "click", "bounce", "unsubscribe", "spam_report"}


class WebhookRegistry:
    def __init__(self):
        self._hooks = {}

    def add(self, account_id, url, events):
        hook_id = uuid.uuid4().hex
        self._hooks[hook_id] = {
            "account": account_id,
            "url": url,
            "events": [e for e in events if e in KNOWN_EVENTS],
            "created": time.time(),
        }
        return hook_id

    def get(self, hook_id):
        return self._hooks.get(hook_id)


registry = WebhookRegistry()


async def deliver(session, hook, event):
    body = json.dumps(event)
    headers = {"Content-Type": "application/json", "User-Agent": "mailer-webhooks/2.1"}
    async with session.post(hook["url"], data=body, headers=headers, timeout=ClientTimeout(total=10)) as resp:  # VULN flow
        text = await resp.text()
        return resp.status, text[:2000]


@routes.post("/webhooks")
async def create_hook(request):
    data = await request.json()
    url = str(data.get("url", "")).strip()
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="url must be http(s)")
    account = request.headers.get("X-Account-Id", "anonymous")
    hook_id = registry.add(account, url, data.get("events", ["open"]))
    return web.json_response({"id": hook_id}, status=201)


@routes.post("/webhooks/{hook_id}/test")
async def test_hook(request):
    hook = registry.get(request.match_info["hook_id"])
    if hook is None:
        raise web.HTTPNotFound()
    event = {
        "type": "test",
        "campaign_id": "cmp_test",
        "email": "test@example.com",
        "ts": int(time.time()),
    }
    try:
        async with ClientSession() as session:
            status, body = await deliver(session, hook, event)
    except (ClientError, TimeoutError) as exc:
        return web.json_response({"ok": False, "error": str(exc)}, status=502)
    return web.json_response({"ok": 200 <= status < 300, "status": status, "response": body})


def make_app():
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
