import json
import time
import urllib.error
import urllib.request
import uuid

from fastapi import BackgroundTasks, FastAPI
from pydantic import BaseModel

app = FastAPI(title="webhooks")
SUBSCRIPTIONS = {}
DELIVERIES = []


class Subscription(BaseModel):
    callback_url: str
    events: list[str]


def deliver(callback_url, event):
    req = urllib.request.Request(callback_url, data=json.dumps(event).encode(), method="POST", headers={"Content-Type": "application/json", "User-Agent": "acme-webhooks/1.4"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:  # VULN flow
            status = resp.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except urllib.error.URLError:
        status = None
    DELIVERIES.append({"url": callback_url, "event": event["type"], "status": status, "ms": int((time.monotonic() - started) * 1000)})


@app.post("/subscriptions")
def subscribe(sub: Subscription, background: BackgroundTasks):
    sub_id = str(uuid.uuid4())
    SUBSCRIPTIONS[sub_id] = sub
    background.add_task(deliver, sub.callback_url, {"type": "subscription.created", "id": sub_id})
    return {"id": sub_id}


@app.get("/subscriptions/check")
def check_endpoint(url: str):
    with urllib.request.urlopen(url, timeout=5) as resp:  # VULN
        body = resp.read(2048).decode(errors="replace")
    return {"status": resp.status, "preview": body}


@app.get("/deliveries")
def deliveries():
    return {"deliveries": DELIVERIES[-100:]}
