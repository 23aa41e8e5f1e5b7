"""Reservation confirmation for the equipment hire desk.

On confirmation the customer receives a pickup PIN (read out at the yard
counter) and a gate release token that the yard gate scanner accepts.
"""
import logging
import random
import string
from datetime import datetime, timedelta, timezone

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("hire.confirm")
app = FastAPI(title="hire-desk")

RESERVATIONS = {}
GATE_TOKENS = {}


class Confirmation(BaseModel):
    reservation_id: str
    depot: str


def pickup_pin(length: int = 6) -> str:
    return "".join(random.choice(string.digits) for _ in range(length))  # VULN


def gate_release_token() -> str:
    return "%032x" % random.getrandbits(128)  # VULN


def voucher_label(depot: str) -> str:
    # printed on the docket, not used for access
    return f"{depot[:3].upper()}-{len(GATE_TOKENS):05d}"


@app.post("/reservations/confirm")
def confirm(body: Confirmation):
    res = RESERVATIONS.get(body.reservation_id)
    if res is None:
        raise HTTPException(status_code=404, detail="reservation not found")
    if res.get("confirmed"):
        raise HTTPException(status_code=409, detail="already confirmed")
    token = gate_release_token()
    expires = datetime.now(timezone.utc) + timedelta(days=2)
    GATE_TOKENS[token] = {"reservation": body.reservation_id, "expires": expires}
    res.update(confirmed=True, pin=pickup_pin(), label=voucher_label(body.depot))
    log.info("reservation %r confirmed at depot %r", body.reservation_id, body.depot)
    return {
        "reservation_id": body.reservation_id,
        "pickup_pin": res["pin"],
        "gate_token": token,
        "expires": expires.isoformat(),
        "label": res["label"],
    }


@app.get("/gate/{token}")
def gate_check(token: str):
    entry = GATE_TOKENS.get(token)
    if entry is None or entry["expires"] < datetime.now(timezone.utc):
        raise HTTPException(status_code=403, detail="invalid or expired token")
    return {"open": True, "reservation": entry["reservation"]}
