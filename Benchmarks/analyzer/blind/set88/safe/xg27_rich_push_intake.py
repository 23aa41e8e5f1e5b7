"""Intake API for rich push notifications (FastAPI).

Producer services post serialized ``RichNotification`` objects; we validate
them, archive a copy and queue them for the APNs/FCM senders.
"""
import json
import logging
import time
from collections import deque
from typing import List, Optional

import jsonpickle
from fastapi import FastAPI, Header, HTTPException, Request

app = FastAPI(title="push-intake")
log = logging.getLogger("push.intake")

OUTBOX: deque = deque(maxlen=10_000)
ARCHIVE: List[str] = []


class Action:
    def __init__(self, key: str, label: str, url: Optional[str] = None):
        self.key = key
        self.label = label
        self.url = url


class RichNotification:
    def __init__(self, audience: List[str], title: str, body: str,
                 image_url: Optional[str] = None, actions: Optional[List[Action]] = None,
                 ttl: int = 3600):
        self.audience = audience
        self.title = title
        self.body = body
        self.image_url = image_url
        self.actions = actions or []
        self.ttl = ttl


def decode_notification(raw: str) -> RichNotification:
    try:
        data = json.loads(raw)
        obj = RichNotification(
            audience=[str(d) for d in data["audience"]],
            title=str(data["title"]),
            body=str(data.get("body", "")),
            image_url=data.get("image_url"),
            actions=[Action(str(a["key"]), str(a["label"]), a.get("url")) for a in data.get("actions", [])],
            ttl=int(data.get("ttl", 3600)),
        )
    except (ValueError, KeyError, TypeError):
        raise HTTPException(status_code=422, detail="expected a RichNotification")
    if not obj.audience or len(obj.audience) > 1000:
        raise HTTPException(status_code=422, detail="audience must have 1-1000 device ids")
    return obj


@app.post("/v1/notifications", status_code=202)
async def enqueue(request: Request, x_producer: str = Header(...)):
    raw = (await request.body()).decode("utf-8")
    notification = decode_notification(raw)
    ARCHIVE.append(jsonpickle.encode(notification, unpicklable=False))
    OUTBOX.append((time.time(), x_producer, notification))
    log.info("queued notification for %d devices", len(notification.audience))
    return {"queued": True, "depth": len(OUTBOX)}


@app.get("/v1/outbox/depth")
def depth():
    return {"depth": len(OUTBOX), "archived": len(ARCHIVE)}
