"""Booking confirmation routes for the hotel group's guest web app."""
import logging
import secrets
from datetime import date
from typing import Optional
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import RedirectResponse
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from .database import get_session
from .models import Booking

router = APIRouter(prefix="/bookings", tags=["bookings"])
logger = logging.getLogger(__name__)

DEFAULT_RETURN_PATH = "/account/bookings"
ALLOWED_RETURN_HOSTS = {"www.harbourviewhotels.com", "book.harbourviewhotels.com"}


class BookingSummary(BaseModel):
    booking_id: int
    status: str
    room_type: str
    check_in: date
    check_out: date
    return_to: str = DEFAULT_RETURN_PATH


def safe_return_target(candidate: Optional[str]) -> str:
    if not candidate or "\\" in candidate or any(ord(ch) < 33 for ch in candidate):
        return DEFAULT_RETURN_PATH
    parts = urlsplit(candidate)
    if not parts.scheme and not parts.netloc and candidate.startswith("/") and not candidate.startswith("//"):
        return candidate
    if parts.scheme == "https" and parts.hostname in ALLOWED_RETURN_HOSTS:
        return candidate
    return DEFAULT_RETURN_PATH


async def load_booking(booking_id: int, session: AsyncSession = Depends(get_session)) -> Booking:
    booking = await session.scalar(select(Booking).where(Booking.id == booking_id))
    if booking is None:
        raise HTTPException(status_code=404, detail="booking not found")
    return booking


def summarise(booking: Booking, return_to: Optional[str] = None) -> BookingSummary:
    return BookingSummary(
        booking_id=booking.id,
        status=booking.status,
        room_type=booking.room_type,
        check_in=booking.check_in,
        check_out=booking.check_out,
        return_to=safe_return_target(return_to),
    )


@router.get("/{booking_id}", response_model=BookingSummary)
async def booking_details(booking: Booking = Depends(load_booking)):
    return summarise(booking)


@router.get("/{booking_id}/confirm")
async def confirm_booking(
    booking: Booking = Depends(load_booking),
    token: str = Query(..., min_length=32, max_length=128),
    return_to: Optional[str] = Query(None, max_length=512),
    session: AsyncSession = Depends(get_session),
):
    if not secrets.compare_digest(booking.confirmation_token, token):
        raise HTTPException(status_code=403, detail="invalid confirmation token")
    if booking.status != "confirmed":
        booking.status = "confirmed"
        await session.commit()
        logger.info("booking %d confirmed", booking.id)

    summary = summarise(booking, return_to)
    return RedirectResponse(url=summary.return_to, status_code=303)
