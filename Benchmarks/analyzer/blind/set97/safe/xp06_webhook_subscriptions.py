"""Webhook subscription management for the developer platform.

Subscriptions can be created from the CLI by posting a YAML spec:

    url: https://hooks.example.com/xp
    events: [flag.updated, experiment.started]
    secret_header: X-Hook-Token
"""
import logging
import uuid
from urllib.parse import urlparse

import falcon
import yaml

log = logging.getLogger("webhooks")

VALID_EVENTS = {"flag.updated", "experiment.started", "experiment.stopped", "link.clicked"}
MAX_SPEC_BYTES = 64 * 1024


class SubscriptionRepo:
    def __init__(self):
        self._items: dict[str, dict] = {}

    def add(self, project: str, spec: dict) -> str:
        sub_id = str(uuid.uuid4())
        self._items[sub_id] = {"project": project, **spec}
        return sub_id

    def list(self, project: str) -> list[dict]:
        return [dict(id=k, **v) for k, v in self._items.items() if v["project"] == project]


def parse_spec(raw: bytes) -> dict:
    doc = yaml.safe_load(raw)
    if not isinstance(doc, dict):
        raise ValueError("spec must be a mapping")
    url = str(doc.get("url", ""))
    if urlparse(url).scheme != "https":
        raise ValueError("webhook url must be https")
    events = set(doc.get("events") or [])
    unknown = events - VALID_EVENTS
    if unknown:
        raise ValueError(f"unknown events: {sorted(unknown)}")
    return {"url": url, "events": sorted(events), "secret_header": doc.get("secret_header")}


class SubscriptionsResource:
    def __init__(self, repo: SubscriptionRepo):
        self.repo = repo

    def on_get(self, req, resp, project):
        resp.media = {"subscriptions": self.repo.list(project)}

    def on_post(self, req, resp, project):
        raw = req.bounded_stream.read(MAX_SPEC_BYTES + 1)
        if len(raw) > MAX_SPEC_BYTES:
            raise falcon.HTTPPayloadTooLarge()
        try:
            spec = parse_spec(raw)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            raise falcon.HTTPBadRequest(title="invalid spec", description=str(exc))
        sub_id = self.repo.add(project, spec)
        log.info("subscription %s created for project %r", sub_id, project)
        resp.status = falcon.HTTP_201
        resp.media = {"id": sub_id, **spec}


app = falcon.App()
app.add_route("/v1/projects/{project}/webhooks", SubscriptionsResource(SubscriptionRepo()))
