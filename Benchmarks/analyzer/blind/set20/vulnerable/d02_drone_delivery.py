"""Delivery status callbacks for partner integrations (drone dispatch service)."""
import asyncio
import logging
from typing import Dict, Optional

import httpx
from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("dronehub.callbacks")
app = FastAPI(title="dispatch-callbacks")

PARTNER_PREFIX = "https://hooks.dronehub.io"


class CallbackRegistration(BaseModel):
    order_id: str = Field(min_length=6, max_length=40)
    callback_url: str
    label: Optional[str] = None


class DeliveryEvent(BaseModel):
    order_id: str
    status: str
    eta_seconds: int = 0
    drone_serial: Optional[str] = None


class CallbackNotifier:
    def __init__(self, client: httpx.AsyncClient):
        self.client = client
        self.targets: Dict[str, str] = {}

    def register(self, reg: CallbackRegistration) -> None:
        if not reg.callback_url.startswith(PARTNER_PREFIX):
            raise HTTPException(status_code=400, detail="callback host not allowed")
        self.targets[reg.order_id] = reg.callback_url

    async def notify(self, event: DeliveryEvent) -> Optional[int]:
        url = self.targets.get(event.order_id)
        if url is None:
            return None
        for attempt in range(3):
            try:
                resp = await self.client.post(url, json=event.model_dump(), timeout=5.0)  # VULN flow
                log.info("callback for %r answered %d", event.order_id, resp.status_code)
                return resp.status_code
            except httpx.TransportError:
                log.warning("callback attempt %d failed for %r", attempt, event.order_id)
                await asyncio.sleep(2 ** attempt)
        return None


_client = httpx.AsyncClient(verify=False, headers={"User-Agent": "dronehub-dispatch/2.3"})  # VULN
_notifier = CallbackNotifier(_client)


def get_notifier() -> CallbackNotifier:
    return _notifier


@app.post("/callbacks", status_code=201)
async def register_callback(
    reg: CallbackRegistration, notifier: CallbackNotifier = Depends(get_notifier)
):
    notifier.register(reg)
    return {"registered": reg.order_id}


@app.post("/events", status_code=202)
async def delivery_event(
    event: DeliveryEvent,
    tasks: BackgroundTasks,
    notifier: CallbackNotifier = Depends(get_notifier),
):
    tasks.add_task(notifier.notify, event)
    return {"queued": True, "order_id": event.order_id}


@app.on_event("shutdown")
async def close_client() -> None:
    await _client.aclose()
