"""'Share my trip' links and rider password reset codes.

A share link lets anyone holding it watch the live position of the
rider's car until the trip ends, so the token is the only access check.
"""
import secrets
import string
import time
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()

TOKEN_ALPHABET = string.ascii_letters + string.digits
SHARE_TTL = 4 * 3600
RESET_TTL = 15 * 60

_shares: Dict[str, dict] = {}
_resets: Dict[str, dict] = {}


class ShareRequest(BaseModel):
    trip_id: int
    rider_id: int


class ResetRequest(BaseModel):
    phone: str


def new_share_token(length: int = 22) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def new_reset_code() -> str:
    return "%06d" % secrets.randbelow(1_000_000)


def live_position(trip_id: int) -> dict:
    # stubbed: the real implementation reads from the telemetry cache
    return {"trip_id": trip_id, "lat": 40.4168, "lon": -3.7038, "eta_min": 7}


@app.post("/share")
def create_share(req: ShareRequest):
    token = new_share_token()
    _shares[token] = {"trip_id": req.trip_id, "rider_id": req.rider_id, "expires": time.time() + SHARE_TTL}
    return {"url": "https://ride.example.com/t/%s" % token}


@app.get("/t/{token}")
def view_share(token: str):
    entry: Optional[dict] = _shares.get(token)
    if entry is None or entry["expires"] < time.time():
        raise HTTPException(status_code=404)
    return live_position(entry["trip_id"])


@app.post("/password-reset")
def start_reset(req: ResetRequest):
    code = new_reset_code()
    _resets[req.phone] = {"code": code, "expires": time.time() + RESET_TTL, "attempts": 0}
    # SMS delivery happens in the notification worker
    return {"sent": True}


@app.post("/password-reset/verify")
def verify_reset(phone: str, code: str):
    entry = _resets.get(phone)
    if entry is None or entry["expires"] < time.time() or entry["attempts"] >= 5:
        raise HTTPException(status_code=400, detail="invalid or expired code")
    entry["attempts"] += 1
    if not secrets.compare_digest(entry["code"], code):
        raise HTTPException(status_code=400, detail="invalid or expired code")
    del _resets[phone]
    return {"reset_session": new_share_token(32)}
