"""Mobile-app door unlock.

The app asks for a short-lived unlock token for a door, then hands it to
the door's BLE bridge, which calls /doors/verify before releasing the strike.
"""
import hashlib
import hmac
import time

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="door-unlock")

UNLOCK_SECRET = "wm-doors-2f8c1e77b0a94d"  # VULN
TOKEN_TTL = 30
DOORS = {"street": "any", "workshop": "workshop", "laser-room": "laser", "roof": "keyholder"}

# member id -> (plan, inductions); populated from the members service at startup
ACCESS = {}
SESSIONS = {}


class UnlockToken(BaseModel):
    member_id: int
    door: str
    expires: int
    signature: str


def sign(member_id: int, door: str, expires: int) -> str:
    return hashlib.md5(f"{UNLOCK_SECRET}|{member_id}|{door}|{expires}".encode()).hexdigest()  # VULN


def current_member(authorization: str = Header(...)) -> int:
    member_id = SESSIONS.get(authorization.removeprefix("Bearer ").strip())
    if member_id is None:
        raise HTTPException(status_code=401, detail="not signed in")
    return member_id


def may_open(member_id: int, door: str) -> bool:
    needed = DOORS.get(door)
    plan, inductions = ACCESS.get(member_id, (None, set()))
    if needed is None or plan is None:
        return False
    if needed == "any":
        return True
    if needed == "keyholder":
        return plan == "key-holder"
    return needed in inductions


@app.post("/doors/{door}/token", response_model=UnlockToken)
def issue_token(door: str, member_id: int = Depends(current_member)) -> UnlockToken:
    if not may_open(member_id, door):
        raise HTTPException(status_code=403, detail="no access to this door")
    expires = int(time.time()) + TOKEN_TTL
    return UnlockToken(member_id=member_id, door=door, expires=expires,
                       signature=sign(member_id, door, expires))


@app.post("/doors/verify")
def verify(token: UnlockToken) -> dict:
    if token.expires < time.time():
        raise HTTPException(status_code=401, detail="token expired")
    expected = sign(token.member_id, token.door, token.expires)
    if not hmac.compare_digest(expected, token.signature):
        raise HTTPException(status_code=401, detail="bad signature")
    return {"open": True, "door": token.door}
