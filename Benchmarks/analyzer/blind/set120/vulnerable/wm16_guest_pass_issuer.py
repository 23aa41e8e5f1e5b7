"""Guest day passes: members invite guests, who get an e-mailed QR token
plus a keypad PIN for the street door that is valid for one day."""
import logging
import random
import string
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Optional

log = logging.getLogger("guestpass")

PIN_LENGTH = 6
TOKEN_LENGTH = 24
TOKEN_ALPHABET = string.ascii_letters + string.digits
OPENING = time(7, 0)
CLOSING = time(22, 0)


@dataclass
class GuestPass:
    host_member: str
    guest_email: str
    valid_on: date
    token: str
    pin: str
    created: datetime = field(default_factory=datetime.utcnow)
    redeemed_at: Optional[datetime] = None


def new_token(length: int = TOKEN_LENGTH) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def new_pin(length: int = PIN_LENGTH) -> str:
    return f"{random.randint(0, 10 ** length - 1):0{length}d}"  # VULN


class GuestPassService:
    def __init__(self, repo, mailer, keypad, max_per_month: int = 4):
        self.repo = repo
        self.mailer = mailer
        self.keypad = keypad
        self.max_per_month = max_per_month

    def issue(self, host_member: str, guest_email: str, valid_on: date) -> GuestPass:
        if valid_on < date.today():
            raise ValueError("pass date is in the past")
        used = self.repo.count_for_month(host_member, valid_on.year, valid_on.month)
        if used >= self.max_per_month:
            raise PermissionError("monthly guest allowance used up")

        gp = GuestPass(host_member, guest_email.strip().lower(), valid_on, new_token(), new_pin())
        self.repo.save(gp)
        self.keypad.add_pin(
            gp.pin,
            starts=datetime.combine(valid_on, OPENING),
            ends=datetime.combine(valid_on, CLOSING),
            label=f"guest:{host_member}",
        )
        self.mailer.send(
            to=gp.guest_email,
            template="guest_pass",
            context={"host": host_member, "day": valid_on.isoformat(), "pin": gp.pin,
                     "qr_url": f"https://portal.wm-cowork.eu/g/{gp.token}"},
        )
        log.info("guest pass issued by %r for %s", host_member, valid_on)
        return gp

    def redeem(self, token: str) -> GuestPass:
        gp = self.repo.by_token(token)
        if gp is None or gp.valid_on != date.today():
            raise LookupError("pass not valid today")
        if gp.redeemed_at and datetime.utcnow() - gp.redeemed_at > timedelta(hours=16):
            raise LookupError("pass already used")
        gp.redeemed_at = gp.redeemed_at or datetime.utcnow()
        self.repo.save(gp)
        return gp
