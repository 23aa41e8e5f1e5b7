"""Deliver build-status events to the webhooks projects have configured."""
import hashlib
import hmac
import json
import logging
import os
import time
from dataclasses import dataclass
from typing import List, Optional
from urllib.parse import urlsplit

import redis
import requests

log = logging.getLogger("notify.webhooks")

EVENT_QUEUE = "ci:events"
ALLOWED_WEBHOOK_HOSTS = {
    "hooks.slack.com",
    "discord.com",
    "chat.googleapis.com",
    "outlook.office.com",
}
r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


@dataclass
class Subscription:
    project_id: int
    url: str
    secret: Optional[str] = None
    events: tuple = ("pipeline.finished",)


def is_allowed_target(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in ALLOWED_WEBHOOK_HOSTS and parts.port in (None, 443)


def load_subscriptions(project_id: int) -> List[Subscription]:
    raw = r.hget("ci:webhooks", str(project_id))
    if not raw:
        return []
    return [Subscription(project_id=project_id, url=item["url"], secret=item.get("secret"),
                         events=tuple(item.get("events", ["pipeline.finished"])))
            for item in json.loads(raw)]


def record_delivery(sub: Subscription, status: int, body: str) -> None:
    entry = {"url": sub.url, "status": status, "response": body[:2000], "at": int(time.time())}
    r.lpush(f"ci:webhook-deliveries:{sub.project_id}", json.dumps(entry))
    r.ltrim(f"ci:webhook-deliveries:{sub.project_id}", 0, 99)


def deliver(sub: Subscription, event: dict) -> None:
    body = json.dumps(event, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json", "X-CI-Event": event["type"]}
    if sub.secret:
        headers["X-CI-Signature"] = hmac.new(sub.secret.encode(), body, hashlib.sha256).hexdigest()
    target = sub.url
    if not is_allowed_target(target):
        record_delivery(sub, 0, "webhook host is not on the allow-list")
        return
    try:
        resp = requests.post(target, data=body, headers=headers, timeout=10, allow_redirects=False)
    except requests.RequestException as exc:
        log.warning("delivery to project %d failed: %s", sub.project_id, exc)
        record_delivery(sub, 0, str(exc))
        return
    record_delivery(sub, resp.status_code, resp.text)


def run_forever() -> None:
    while True:
        item = r.blpop(EVENT_QUEUE, timeout=5)
        if item is None:
            continue
        event = json.loads(item[1])
        for sub in load_subscriptions(int(event["project_id"])):
            if event["type"] in sub.events:
                deliver(sub, event)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_forever()
