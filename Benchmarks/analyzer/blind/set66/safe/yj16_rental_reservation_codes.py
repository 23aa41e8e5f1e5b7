"""Reservation references and keyless-pickup PINs for the rental booking engine.

The confirmation code plus the driver's surname is all a customer needs to
view, amend or cancel a booking online; the PIN opens the key locker at
unattended airport branches.
"""
import logging
import random
import secrets
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Dict, List

log = logging.getLogger("rental.reservations")

CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "0O1I")
CODE_LENGTH = 8


def confirmation_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def locker_pin() -> str:
    return "%06d" % secrets.randbelow(1_000_000)


@dataclass
class Reservation:
    code: str
    surname: str
    branch: str
    vehicle_class: str
    pickup: datetime
    dropoff: datetime
    pin: str = ""
    extras: List[str] = field(default_factory=list)


class ReservationBook:
    def __init__(self):
        self._by_code: Dict[str, Reservation] = {}

    def create(self, surname, branch, vehicle_class, pickup, days, extras=None, keyless=False):
        code = confirmation_code()
        while code in self._by_code:
            code = confirmation_code()
        res = Reservation(code, surname.strip().upper(), branch, vehicle_class,
                          pickup, pickup + timedelta(days=days), extras=list(extras or []))
        if keyless:
            res.pin = locker_pin()
        self._by_code[code] = res
        log.info("reservation %s created at %s (%s)", code, branch, vehicle_class)
        return res

    def lookup(self, code: str, surname: str):
        res = self._by_code.get(code.strip().upper())
        if res is None or res.surname != surname.strip().upper():
            return None
        return res

    def cancel(self, code: str, surname: str) -> bool:
        res = self.lookup(code, surname)
        if res is None:
            return False
        del self._by_code[res.code]
        return True


def assign_bays(reservations: List[Reservation], bays: List[str]) -> Dict[str, str]:
    """Spread same-day pickups across the ready-line bays."""
    shuffled = bays[:]
    random.shuffle(shuffled)
    return {r.code: shuffled[i % len(shuffled)] for i, r in enumerate(reservations)}
