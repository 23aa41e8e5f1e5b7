"""Issues and verifies mobile ticket barcodes shown to bus drivers / validators.

A barcode carries a short ticket code plus a signed JSON payload so
offline validators can check it without calling home.
"""
import base64
import hashlib
import hmac
import json
import os
import secrets
import string
import time
from dataclasses import asdict, dataclass
from typing import Optional

SIGNING_SECRET = os.environ["TICKET_SIGNING_SECRET"].encode()
CODE_ALPHABET = string.ascii_uppercase + string.digits


@dataclass
class MobileTicket:
    code: str
    product: str
    zones: str
    valid_from: int
    valid_until: int
    account_id: int


def new_ticket_code(length: int = 12) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def sign(payload: bytes) -> str:
    return hmac.new(SIGNING_SECRET, payload, hashlib.sha256).hexdigest()


class MobileTicketIssuer:
    def __init__(self, validity_minutes: int = 90):
        self.validity = validity_minutes * 60

    def issue(self, account_id: int, product: str, zones: str) -> str:
        now = int(time.time())
        ticket = MobileTicket(code=new_ticket_code(), product=product, zones=zones,
                              valid_from=now, valid_until=now + self.validity,
                              account_id=account_id)
        payload = json.dumps(asdict(ticket), separators=(",", ":")).encode()
        body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
        return f"{body}.{sign(payload)}"

    def verify(self, barcode: str, now: Optional[int] = None) -> Optional[MobileTicket]:
        try:
            body, signature = barcode.rsplit(".", 1)
            payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except (ValueError, TypeError):
            return None
        if not hmac.compare_digest(sign(payload), signature):
            return None
        ticket = MobileTicket(**json.loads(payload))
        now = now or int(time.time())
        if not ticket.valid_from <= now <= ticket.valid_until:
            return None
        return ticket


if __name__ == "__main__":
    issuer = MobileTicketIssuer()
    code = issuer.issue(4711, "single", "AB")
    print(code)
    print(issuer.verify(code))
