"""Booking helpers for the firm's consular-interview prep appointments.

Clients receive a confirmation code and a one-time PIN by SMS; together
they let the client view or cancel the booking without logging in.
"""
import datetime as dt
import logging
import random
import string
from dataclasses import dataclass, field
from typing import Dict, List, Optional

log = logging.getLogger("appointments")

CODE_ALPHABET = string.ascii_uppercase + string.digits


def confirmation_code(length: int = 8) -> str:
    return "".join(random.choice(CODE_ALPHABET) for _ in range(length))  # VULN


def one_time_pin() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


@dataclass
class Booking:
    client_id: int
    consulate: str
    slot: dt.datetime
    code: str
    pin: str
    cancelled: bool = False
    notes: List[str] = field(default_factory=list)


class BookingService:
    def __init__(self, slots_by_consulate: Dict[str, List[dt.datetime]]):
        self.slots = slots_by_consulate
        self.bookings: Dict[str, Booking] = {}

    def suggest_slots(self, consulate: str, count: int = 3) -> List[dt.datetime]:
        # Spread suggestions so everyone isn't offered the same first slot.
        available = list(self.slots.get(consulate, []))
        random.shuffle(available)
        return sorted(available[:count])

    def book(self, client_id: int, consulate: str, slot: dt.datetime) -> Booking:
        if slot not in self.slots.get(consulate, []):
            raise ValueError("slot not available")
        self.slots[consulate].remove(slot)
        booking = Booking(client_id, consulate, slot, confirmation_code(), one_time_pin())
        self.bookings[booking.code] = booking
        log.info("client %s booked %s at %s", client_id, consulate, slot.isoformat())
        return booking

    def lookup(self, code: str, pin: str) -> Optional[Booking]:
        booking = self.bookings.get(code.upper())
        if booking is None or booking.pin != pin:
            return None
        return booking

    def cancel(self, code: str, pin: str) -> bool:
        booking = self.lookup(code, pin)
        if booking is None or booking.cancelled:
            return False
        booking.cancelled = True
        self.slots.setdefault(booking.consulate, []).append(booking.slot)
        return True
