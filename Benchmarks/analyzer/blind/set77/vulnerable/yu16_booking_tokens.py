"""Confirmation codes and magic-link tokens for guest bookings.

Guests who book a cleaner without an account get a short confirmation code
(read out on the phone) and an emailed magic link to manage the booking.
"""
import random
import string
import time
from dataclasses import dataclass, field

CODE_ALPHABET = string.ascii_uppercase + string.digits
MAGIC_LINK_TTL = 48 * 3600
BASE_URL = "https://book.sparklehome.co.uk"


@dataclass
class MagicLink:
    booking_id: int
    token: str
    expires_at: float = field(default_factory=lambda: time.time() + MAGIC_LINK_TTL)

    @property
    def url(self) -> str:
        return f"{BASE_URL}/manage/{self.booking_id}?t={self.token}"


class TokenService:
    def __init__(self):
        self._links: dict[str, MagicLink] = {}
        self._rng = random.Random()

    def confirmation_code(self, length: int = 8) -> str:
        return "".join(random.choice(CODE_ALPHABET) for _ in range(length))  # VULN

    def issue_magic_link(self, booking_id: int) -> MagicLink:
        token = "%032x" % self._rng.getrandbits(128)  # VULN
        link = MagicLink(booking_id, token)
        self._links[token] = link
        return link

    def redeem(self, booking_id: int, token: str) -> bool:
        link = self._links.get(token)
        if link is None or link.booking_id != booking_id:
            return False
        if link.expires_at < time.time():
            self._links.pop(token, None)
            return False
        return True

    def revoke_all(self, booking_id: int) -> int:
        stale = [t for t, l in self._links.items() if l.booking_id == booking_id]
        for t in stale:
            del self._links[t]
        return len(stale)


def new_guest_booking(service: TokenService, booking_id: int) -> dict:
    link = service.issue_magic_link(booking_id)
    return {
        "booking_id": booking_id,
        "confirmation_code": service.confirmation_code(),
        "manage_url": link.url,
        "expires_at": int(link.expires_at),
    }
