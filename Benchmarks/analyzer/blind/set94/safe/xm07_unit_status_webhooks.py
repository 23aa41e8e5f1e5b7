"""Unit status-change webhooks for partner agencies (mutual aid, hospitals)."""
import logging
import uuid
from datetime import datetime, timezone
from typing import Dict, List, Optional
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="CAD webhooks")
log = logging.getLogger("cad.webhooks")

PARTNER_HOSTS = {
    "hooks.mutualaid.example.gov",
    "cad-bridge.stmarys.example.org",
    "ems-events.regionalhealth.example.org",
}


class Subscription(BaseModel):
    agency: str
    callback_url: str
    events: List[str] = ["unit_status"]


class StatusChange(BaseModel):
    unit_id: str
    status: str
    incident_id: Optional[str] = None


SUBSCRIPTIONS: Dict[str, Subscription] = {}


def validate_callback(url: str) -> str:
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in PARTNER_HOSTS:
        raise HTTPException(status_code=400, detail="callback host not approved")
    return url


def deliver(sub: Subscription, payload: dict) -> bool:
    target = validate_callback(sub.callback_url)
    try:
        resp = requests.post(target, json=payload, timeout=5)
        resp.raise_for_status()
        return True
    except requests.RequestException as exc:
        log.warning("delivery to %r failed: %s", sub.agency, exc)
        return False


@app.post("/webhooks")
def register(sub: Subscription):
    sub_id = str(uuid.uuid4())
    target = validate_callback(sub.callback_url)
    # ping the endpoint so the agency sees the registration immediately
    try:
        probe = requests.get(target, timeout=5)
    except requests.RequestException:
        raise HTTPException(status_code=400, detail="callback unreachable")
    SUBSCRIPTIONS[sub_id] = sub
    return {"id": sub_id, "probe_status": probe.status_code}


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
