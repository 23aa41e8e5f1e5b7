"""Confirmation codes and magic-link tokens for guest bookings."""
import logging
import secrets
import string
import time
from dataclasses import dataclass, field
from typing import Dict, Optional

log = logging.getLogger("booking_tokens")

CODE_ALPHABET = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"
MAGIC_LINK_TTL = 30 * 60


def confirmation_code(length: int = 6) -> str:
    """Short code printed on vouchers and read out over the phone."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def magic_link_token() -> str:
    return "%032x" % secrets.randbits(128)


@dataclass
class PendingLink:
    booking_ref: str
    email: str
    expires_at: float = field(default_factory=lambda: time.time() + MAGIC_LINK_TTL)


class TokenStore:
    """In-process store; the production deployment swaps this for Redis."""

    def __init__(self):
        self._links: Dict[str, PendingLink] = {}
        self._codes: Dict[str, str] = {}

    def issue_code(self, booking_ref: str) -> str:
        for _ in range(5):
            code = confirmation_code()
            if code not in self._codes:
                self._codes[code] = booking_ref
                return code
        raise RuntimeError("could not allocate confirmation code")

    def issue_magic_link(self, booking_ref: str, email: str, base_url: str) -> str:
        token = magic_link_token()
        self._links[token] = PendingLink(booking_ref, email)
        log.info("magic link issued for booking %r", booking_ref)
        return f"{base_url.rstrip('/')}/manage?token={token}"

    def redeem(self, token: str) -> Optional[PendingLink]:
        link = self._links.pop(token, None)
        if link is None or link.expires_at < time.time():
            return None
        return link

    def booking_for_code(self, code: str) -> Optional[str]:
        return self._codes.get(code.strip().upper())
