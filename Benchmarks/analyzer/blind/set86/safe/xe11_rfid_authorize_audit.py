"""RFID / contract authorization endpoint called by the OCPP gateway.

The gateway terminates the charge-point websocket and forwards Authorize.req
payloads here. Every decision goes to the audit log that the fraud team
tails and ingests into the SIEM.
"""
import logging
from datetime import datetime, timezone
from typing import Optional

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="authorize")
audit = logging.getLogger("audit.authorize")
log = logging.getLogger("authorize")


class AuthorizeRequest(BaseModel):
    id_tag: str
    connector_id: Optional[int] = None
    evse_uid: Optional[str] = None


class IdTagInfo(BaseModel):
    status: str
    expiry_date: Optional[datetime] = None
    parent_id_tag: Optional[str] = None


class TokenCache:
    def __init__(self):
        self._tokens = {}

    async def get(self, id_tag: str) -> Optional[IdTagInfo]:
        return self._tokens.get(id_tag.upper())

    def put(self, id_tag: str, info: IdTagInfo) -> None:
        self._tokens[id_tag.upper()] = info


tokens = TokenCache()


def describe(cp_id: str, req: AuthorizeRequest) -> str:
    where = f"cp={cp_id!r}"
    if req.connector_id is not None:
        where += f" connector={req.connector_id}"
    if req.evse_uid:
        where += f" evse={req.evse_uid!r}"
    return where


@app.post("/cp/{charge_point_id}/authorize")
async def authorize(charge_point_id: str, req: AuthorizeRequest):
    tag = req.id_tag.strip()
    where = describe(charge_point_id, req)
    info = await tokens.get(tag)
    now = datetime.now(timezone.utc)

    if info is None:
        audit.warning("authorize REJECTED %s idTag=%r reason=unknown", where, tag)
        return {"idTagInfo": {"status": "Invalid"}}
    if info.status != "Accepted" or (info.expiry_date and info.expiry_date < now):
        status = "Expired" if info.status == "Accepted" else info.status
        audit.warning("authorize REJECTED %s idTag=%r reason=%s", where, tag, status.lower())
        return {"idTagInfo": {"status": status}}

    audit.info("authorize ACCEPTED %s idTag=%r parent=%r",
               where, tag, info.parent_id_tag or "-")
    return {"idTagInfo": info.dict()}
