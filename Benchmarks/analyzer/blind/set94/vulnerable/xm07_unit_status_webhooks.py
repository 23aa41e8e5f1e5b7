"""Unit status-change webhooks for partner agencies (mutual aid, hospitals)."""
import logging
import uuid
from datetime import datetime, timezone
from typing import Dict, List, Optional

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="CAD webhooks")
log = logging.getLogger("cad.webhooks")


class Subscription(BaseModel):
    agency: str
    callback_url: str
    events: List[str] = ["unit_status"]


class StatusChange(BaseModel):
    unit_id: str
    status: str
    incident_id: Optional[str] = None


SUBSCRIPTIONS: Dict[str, Subscription] = {}


def deliver(sub: Subscription, payload: dict) -> bool:
    target = sub.callback_url
    try:
        resp = requests.post(target, json=payload, timeout=5)  # VULN flow
        resp.raise_for_status()
        return True
    except requests.RequestException as exc:
        log.warning("delivery to %r failed: %s", sub.agency, exc)
        return False


@app.post("/webhooks")
def register(sub: Subscription):
    sub_id = str(uuid.uuid4())
    # ping the endpoint so the agency sees the registration immediately
    try:
        probe = requests.get(sub.callback_url, timeout=5)  # VULN flow
    except requests.RequestException as exc:
        raise HTTPException(status_code=400, detail=f"callback unreachable: {exc}")
    SUBSCRIPTIONS[sub_id] = sub
    return {"id": sub_id, "probe_status": probe.status_code, "probe_body": probe.text[:200]}


@app.delete("/webhooks/{sub_id}")
def unregister(sub_id: str):
    if SUBSCRIPTIONS.pop(sub_id, None) is None:
        raise HTTPException(status_code=404, detail="no such subscription")
    return {"deleted": sub_id}


@app.post("/events/status")
def publish_status(change: StatusChange):
    payload = {
        "event": "unit_status",
        "at": datetime.now(timezone.utc).isoformat(),
        **change.dict(),
    }
    delivered = sum(
        deliver(sub, payload)
        for sub in SUBSCRIPTIONS.values()
        if "unit_status" in sub.events
    )
    return {"delivered": delivered}
