"""Lobby intercom integration: vendor webhooks and the resident "answer call" callback."""
import base64
import hashlib
import hmac
import logging
import pickle
import time

from fastapi import FastAPI, Header, HTTPException, Request

from portal.doors import release_door
from portal.residents import resident_for_extension

app = FastAPI()
log = logging.getLogger("intercom")

WEBHOOK_SECRET = b"kx9-lobby-intercom-5521f0e7"  # VULN
CALL_TTL = 90


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
    return base64.urlsafe_b64encode(pickle.dumps(ctx)).decode()


def decode_context(token: str) -> CallContext:
    blob = base64.urlsafe_b64decode(token.encode())
    return pickle.loads(blob)  # VULN flow


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
    except (KeyError, ValueError):
        raise HTTPException(status_code=400, detail="missing call context")
    if ctx.expired():
        raise HTTPException(status_code=410, detail="call expired")
    release_door(ctx.panel_id, ctx.door, seconds=5)
    log.info("door %s on panel %s released for call %s", ctx.door, ctx.panel_id, ctx.call_id)
    return {"status": "released"}
