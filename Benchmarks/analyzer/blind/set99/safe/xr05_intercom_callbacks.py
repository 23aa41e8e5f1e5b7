"""Lobby intercom integration: vendor webhooks and the resident "answer call" callback."""
import hashlib
import hmac
import logging
import os
import time

from fastapi import FastAPI, Header, HTTPException, Request
from itsdangerous import BadSignature, URLSafeSerializer

from portal.doors import release_door
from portal.residents import resident_for_extension

app = FastAPI()
log = logging.getLogger("intercom")

WEBHOOK_SECRET = os.environ["LOBBYLINK_WEBHOOK_SECRET"].encode()
CALL_TTL = 90
_ctx_serializer = URLSafeSerializer(os.environ["INTERCOM_CTX_KEY"], salt="intercom-call")


class CallContext:
    def __init__(self, call_id, panel_id, door, extension, created):
        self.call_id = call_id
        self.panel_id = panel_id
        self.door = door
        self.extension = extension
        self.created = created

    def expired(self) -> bool:
        return time.time() - self.created > CALL_TTL


def encode_context(ctx: CallContext) -> str:
    return _ctx_serializer.dumps(vars(ctx))


def decode_context(token: str) -> CallContext:
    data = _ctx_serializer.loads(token)
    return CallContext(data["call_id"], data["panel_id"], data["door"],
                       data["extension"], float(data["created"]))


def verify_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


@app.post("/hooks/intercom/call")
async def incoming_call(request: Request, x_lobbylink_signature: str = Header(None)):
    body = await request.body()
    if not verify_signature(body, x_lobbylink_signature):
        raise HTTPException(status_code=401, detail="bad signature")
    event = await request.json()
    resident = resident_for_extension(event["extension"])
    if resident is None:
        return {"status": "ignored"}
    ctx = CallContext(event["call_id"], event["panel_id"], event.get("door", "main"),
                      event["extension"], time.time())
    token = encode_context(ctx)
    resident.push_notification("Visitor at the lobby", data={"ctx": token})
    return {"status": "notified"}


@app.post("/intercom/answer")
async def answer_call(request: Request):
    """Called by the resident mobile app when the resident taps 'Let them in'."""
    payload = await request.json()
    try:
        ctx = decode_context(payload["ctx"])
    except (KeyError, ValueError, BadSignature):
        raise HTTPException(status_code=400, detail="missing call context")
    if ctx.expired():
        raise HTTPException(status_code=410, detail="call expired")
    release_door(ctx.panel_id, ctx.door, seconds=5)
    log.info("door %r on panel %r released for call %r", ctx.door, ctx.panel_id, ctx.call_id)
    return {"status": "released"}
