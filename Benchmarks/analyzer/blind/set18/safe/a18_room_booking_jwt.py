"""Meeting-room booking API: token issue and verification for the office kiosks and apps."""
import datetime as dt
import os
from dataclasses import dataclass
from typing import Optional

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException, status
from pydantic import BaseModel

app = FastAPI(title="rooms")

JWT_SECRET = os.environ["ROOMS_JWT_SECRET"]
TOKEN_TTL = dt.timedelta(hours=8)


@dataclass
class Principal:
    user_id: str
    roles: tuple[str, ...]

    @property
    def is_facilities(self) -> bool:
        return "facilities" in self.roles


class LoginRequest(BaseModel):
    badge: str
    pin: str


class BookingRequest(BaseModel):
    room: str
    start: dt.datetime
    minutes: int


BOOKINGS: list[dict] = []


def issue_token(user_id: str, roles: list[str]) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"sub": user_id, "roles": roles, "iat": now, "exp": now + TOKEN_TTL, "aud": "rooms"}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


def current_principal(authorization: Optional[str] = Header(None)) -> Principal:
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing token")
    token = authorization.removeprefix("Bearer ").strip()
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], audience="rooms",
                            options={"require": ["exp", "sub", "aud"]})
    except jwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")
    return Principal(user_id=claims["sub"], roles=tuple(claims.get("roles", ())))


def verify_badge(badge: str, pin: str) -> Optional[list[str]]:
    from rooms.directory import lookup_badge
    return lookup_badge(badge, pin)


@app.post("/auth/token")
def login(body: LoginRequest):
    roles = verify_badge(body.badge, body.pin)
    if roles is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "bad credentials")
    return {"access_token": issue_token(body.badge, roles), "token_type": "bearer"}


@app.post("/bookings", status_code=201)
def create_booking(req: BookingRequest, who: Principal = Depends(current_principal)):
    if not 15 <= req.minutes <= 240:
        raise HTTPException(400, "bookings must be 15-240 minutes")
    booking = {"id": len(BOOKINGS) + 1, "room": req.room, "start": req.start.isoformat(),
               "minutes": req.minutes, "owner": who.user_id}
    BOOKINGS.append(booking)
    return booking


@app.delete("/bookings/{booking_id}", status_code=204)
def cancel_booking(booking_id: int, who: Principal = Depends(current_principal)):
    booking = next((b for b in BOOKINGS if b["id"] == booking_id), None)
    if booking is None:
        raise HTTPException(404, "no such booking")
    if booking["owner"] != who.user_id and not who.is_facilities:
        raise HTTPException(403, "not your booking")
    BOOKINGS.remove(booking)
