"""Ad-hoc charging: QR-code session start without an app account.

A driver scans the QR sticker, pays via the web checkout, and receives a
short session code to type into the charger display plus a receipt link.
Knowing the code is enough to start (and bill) a session on that EVSE.
"""
import asyncio
import logging
import random
import secrets
import string
import time
from typing import Dict

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="adhoc-charging")
log = logging.getLogger("adhoc")

CODE_ALPHABET = string.ascii_uppercase + string.digits
CODE_TTL = 15 * 60


class CheckoutResult(BaseModel):
    evse_id: str
    payment_intent: str
    amount_cents: int


class AdhocSession:
    def __init__(self, evse_id: str, payment_intent: str):
        self.evse_id = evse_id
        self.payment_intent = payment_intent
        self.code = new_session_code()
        self.receipt_token = new_receipt_token()
        self.created = time.time()


SESSIONS: Dict[str, AdhocSession] = {}


def new_session_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def new_receipt_token() -> str:
    return secrets.token_hex(16)


async def notify_charger(evse_id: str, code: str, attempts: int = 4) -> bool:
    for attempt in range(attempts):
        try:
            await app.state.ocpp.send_data_transfer(evse_id, {"adhocCode": code})
            return True
        except ConnectionError:
            await asyncio.sleep(2 ** attempt + random.uniform(0, 0.5))
    return False


@app.post("/adhoc/checkout-complete")
async def checkout_complete(result: CheckoutResult):
    session = AdhocSession(result.evse_id, result.payment_intent)
    SESSIONS[session.code] = session
    delivered = await notify_charger(result.evse_id, session.code)
    if not delivered:
        log.warning("could not push code to %r", result.evse_id)
    return {"code": session.code, "receipt_url": f"/adhoc/receipts/{session.receipt_token}",
            "expires_in": CODE_TTL}


@app.post("/adhoc/start/{evse_id}/{code}")
async def start(evse_id: str, code: str):
    session = SESSIONS.get(code.upper())
    if session is None or session.evse_id != evse_id or time.time() - session.created > CODE_TTL:
        raise HTTPException(status_code=403, detail="invalid or expired code")
    await app.state.ocpp.remote_start(evse_id, id_tag=f"ADHOC-{session.payment_intent[-8:]}")
    return {"status": "starting"}
