"""Ferry ticketing API: passenger tokens, bookings and checkout return (FastAPI)."""
import logging
import os
import time
from typing import List

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

from ferry.repo import BookingRepo, get_repo

app = FastAPI(title="ferry-tickets")
log = logging.getLogger("ferry.api")

JWT_SECRET = os.environ["FERRY_JWT_SECRET"]
JWT_ALG = "HS256"
TOKEN_TTL = 2 * 3600
RETURN_PAGES = {"/bookings", "/bookings/upcoming", "/account"}


class Booking(BaseModel):
    reference: str
    sailing: str
    passengers: int
    vehicle: bool


class BookingList(BaseModel):
    passenger: str
    bookings: List[Booking]


def issue_token(passenger_id: str) -> str:
    now = int(time.time())
    return jwt.encode({"sub": passenger_id, "iat": now, "exp": now + TOKEN_TTL}, JWT_SECRET, algorithm=JWT_ALG)


def current_passenger(authorization: str = Header(...)) -> str:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401, detail="bearer token required")
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALG], options={"require": ["sub", "exp"]})
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    if "sub" not in claims:
        raise HTTPException(status_code=401, detail="invalid token")
    return claims["sub"]


@app.get("/bookings", response_model=BookingList)
def my_bookings(passenger: str = Depends(current_passenger), repo: BookingRepo = Depends(get_repo)):
    rows = repo.bookings_for(passenger)
    return BookingList(passenger=passenger, bookings=[Booking(**r) for r in rows])


@app.post("/bookings/{reference}/cancel")
def cancel(reference: str, passenger: str = Depends(current_passenger), repo: BookingRepo = Depends(get_repo)):
    if not repo.cancel(reference, owner=passenger):
        raise HTTPException(status_code=404, detail="booking not found")
    log.info("booking %r cancelled by %r", reference, passenger)
    return {"cancelled": reference}


@app.get("/checkout/complete")
def checkout_complete(booking: str, return_to: str = "/bookings", repo: BookingRepo = Depends(get_repo)):
    if not repo.payment_confirmed(booking):
        raise HTTPException(status_code=404, detail="unknown booking")
    target = return_to if return_to in RETURN_PAGES else "/bookings"
    return RedirectResponse(url=target, status_code=303)
