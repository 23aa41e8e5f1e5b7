"""Falcon API: clients on the freelancer platform register webhooks for job events."""
import json
import logging
import uuid

import falcon
import requests

log = logging.getLogger("webhooks")

EVENTS = {"proposal.received", "milestone.submitted", "contract.ended"}


class HookRegistry:
    def __init__(self):
        self.hooks: dict[str, dict] = {}

    def add(self, client_id: int, url: str, events: list[str]) -> dict:
        hook = {"id": uuid.uuid4().hex, "client_id": client_id, "url": url, "events": events}
        self.hooks[hook["id"]] = hook
        return hook

    def for_event(self, client_id: int, event: str):
        return [h for h in self.hooks.values() if h["client_id"] == client_id and event in h["events"]]


class Dispatcher:
    def __init__(self, registry: HookRegistry):
        self.registry = registry

    def deliver(self, hook: dict, payload: dict) -> dict:
        target = hook["url"]
        resp = requests.post(target, json=payload, timeout=5)  # VULN flow
        return {"hook": hook["id"], "status": resp.status_code, "body": resp.text[:500]}

    def publish(self, client_id: int, event: str, data: dict) -> list[dict]:
        payload = {"event": event, "data": data}
        results = []
        for hook in self.registry.for_event(client_id, event):
            try:
                results.append(self.deliver(hook, payload))
            except requests.RequestException as exc:
                log.warning("delivery to hook %s failed: %r", hook["id"], exc)
        return results


class WebhookResource:
    def __init__(self, registry: HookRegistry, dispatcher: Dispatcher):
        self.registry = registry
        self.dispatcher = dispatcher

    def on_post(self, req: falcon.Request, resp: falcon.Response, client_id: int):
        body = req.get_media() or {}
        url = body.get("url", "")
        events = [e for e in body.get("events", []) if e in EVENTS]
        if not url.startswith(("http://", "https://")) or not events:
            raise falcon.HTTPBadRequest(title="url and at least one known event are required")
        hook = self.registry.add(client_id, url, events)
        resp.status = falcon.HTTP_201
        resp.media = hook


class WebhookTestResource:
    def __init__(self, dispatcher: Dispatcher):
        self.dispatcher = dispatcher

    def on_post(self, req: falcon.Request, resp: falcon.Response, client_id: int):
        event = (req.get_media() or {}).get("event", "proposal.received")
        resp.media = {"deliveries": self.dispatcher.publish(client_id, event, {"test": True})}


registry = HookRegistry()
dispatcher = Dispatcher(registry)
app = falcon.App()
app.add_route("/clients/{client_id:int}/webhooks", WebhookResource(registry, dispatcher))
app.add_route("/clients/{client_id:int}/webhooks/test", WebhookTestResource(dispatcher))
