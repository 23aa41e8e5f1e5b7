"""Token helpers for the ski rental shop: return receipts, locker PINs and
voucher codes handed out at the counter."""
import hashlib
import hmac
import os
import random
import secrets
import string
import time
from dataclasses import dataclass, field

ALPHABET = string.ascii_uppercase + string.digits
VOUCHER_SECRET = os.environ["RENTAL_VOUCHER_SECRET"]


@dataclass
class RentalReceipt:
    rental_id: int
    return_token: str
    locker_pin: str
    issued_at: float = field(default_factory=time.time)


class RentalTokenService:
    """Issues and checks the short codes printed on rental receipts."""

    def __init__(self, store):
        self.store = store

    def new_return_token(self, length: int = 20) -> str:
        return "".join(secrets.choice(ALPHABET) for _ in range(length))

    def new_locker_pin(self) -> str:
        return f"{secrets.randbelow(1000000):06d}"

    def sign_voucher(self, code: str, amount_cents: int) -> str:
        material = f"{code}:{amount_cents}"
        return hmac.new(VOUCHER_SECRET.encode(), material.encode(), hashlib.sha256).hexdigest()

    def issue_receipt(self, rental_id: int) -> RentalReceipt:
        receipt = RentalReceipt(
            rental_id=rental_id,
            return_token=self.new_return_token(),
            locker_pin=self.new_locker_pin(),
        )
        self.store.save_receipt(receipt)
        return receipt

    def issue_voucher(self, amount_cents: int) -> str:
        code = self.new_return_token(8)
        sig = self.sign_voucher(code, amount_cents)
        self.store.save_voucher(code, amount_cents, sig)
        return f"{code}-{sig[:12]}"

    def check_voucher(self, printed: str) -> bool:
        try:
            code, short_sig = printed.rsplit("-", 1)
        except ValueError:
            return False
        record = self.store.load_voucher(code)
        if record is None:
            return False
        expected = self.sign_voucher(code, record["amount_cents"])[:12]
        return hmac.compare_digest(short_sig, expected)

    def pick_counter_tip(self, tips: list) -> str:
        # rotate the "did you know" line printed on the receipt footer
        return random.choice(tips) if tips else ""
