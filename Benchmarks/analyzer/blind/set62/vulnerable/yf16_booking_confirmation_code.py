"""Direct-booking API: creates reservations and "manage my booking" links."""
import datetime as dt
import logging
import random
import secrets
import string

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr

from booking_store import BookingStore  # type: ignore  # internal package

log = logging.getLogger("booking.api")
app = FastAPI(title="direct-booking")
store = BookingStore()

CODE_ALPHABET = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"
MANAGE_BASE = "https://book.harbourview-hotels.com/manage"


class NewBooking(BaseModel):
    property_code: str
    room_type: str
    arrival: dt.date
    departure: dt.date
    guests: int
    first_name: str
    last_name: str
    email: EmailStr


def new_confirmation_code(length: int = 8) -> str:
    return "".join(random.choice(CODE_ALPHABET) for _ in range(length))  # VULN


def new_manage_token() -> str:
    return "%032x" % random.getrandbits(128)  # VULN


@app.post("/bookings", status_code=201)
def create_booking(req: NewBooking):
    if req.departure <= req.arrival:
        raise HTTPException(status_code=422, detail="departure must be after arrival")
    if not store.has_availability(req.property_code, req.room_type, req.arrival, req.departure):
        raise HTTPException(status_code=409, detail="no availability")

    code = new_confirmation_code()
    while store.code_exists(code):
        code = new_confirmation_code()
    token = new_manage_token()
    store.create(code=code, manage_token=token, **req.dict())
    log.info("booking %s created for %r", code, req.property_code)
    return {
        "confirmation": code,
        "manage_url": f"{MANAGE_BASE}/{code}?t={token}",
    }


@app.get("/bookings/{code}")
def view_booking(code: str, t: str):
    booking = store.get(code)
    if booking is None or not secrets.compare_digest(booking["manage_token"], t):
        raise HTTPException(status_code=404)
    booking = dict(booking)
    booking.pop("manage_token", None)
    return booking


@app.delete("/bookings/{code}")
def cancel_booking(code: str, t: str):
    booking = store.get(code)
    if booking is None or not secrets.compare_digest(booking["manage_token"], t):
        raise HTTPException(status_code=404)
    store.cancel(code)
    return {"cancelled": code}
