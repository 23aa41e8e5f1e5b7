"""Loyalty card issuing and PIN verification for the wash club."""
import hashlib
import hmac
import secrets
import sqlite3
import string
import time
from dataclasses import dataclass
from typing import Optional

CARD_PREFIX = "7781"
TOKEN_ALPHABET = string.ascii_uppercase + string.digits
PBKDF2_ROUNDS = 310_000


@dataclass
class LoyaltyCard:
    number: str
    customer_id: int
    token: str
    pin_hash: str
    points: int = 0


def luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


class LoyaltyService:
    def __init__(self, db_path: str = "/var/lib/washclub/loyalty.db"):
        self.conn = sqlite3.connect(db_path)

    def _new_card_number(self) -> str:
        body = CARD_PREFIX + "".join(str(secrets.randbelow(10)) for _ in range(11))
        return body + luhn_digit(body)

    def _new_token(self) -> str:
        # token is printed as a QR code on the card and used at the kiosk
        return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(24))

    @staticmethod
    def hash_pin(pin: str, salt: Optional[bytes] = None) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, PBKDF2_ROUNDS)
        return salt.hex() + "$" + digest.hex()

    def issue(self, customer_id: int, pin: str) -> LoyaltyCard:
        if not (pin.isdigit() and 4 <= len(pin) <= 6):
            raise ValueError("PIN must be 4-6 digits")
        card = LoyaltyCard(
            number=self._new_card_number(),
            customer_id=customer_id,
            token=self._new_token(),
            pin_hash=self.hash_pin(pin),
        )
        self.conn.execute(
            "INSERT INTO cards (number, customer_id, token, pin_hash, points, issued_at)"
            " VALUES (?, ?, ?, ?, 0, ?)",
            (card.number, card.customer_id, card.token, card.pin_hash, int(time.time())),
        )
        self.conn.commit()
        return card

    def find_by_token(self, token: str) -> Optional[LoyaltyCard]:
        row = self.conn.execute(
            "SELECT number, customer_id, token, pin_hash, points FROM cards WHERE token = ?",
            (token,),
        ).fetchone()
        return LoyaltyCard(*row) if row else None

    def verify_pin(self, card: LoyaltyCard, pin: str) -> bool:
        salt_hex, _, _ = card.pin_hash.partition("$")
        candidate = self.hash_pin(pin, bytes.fromhex(salt_hex))
        return hmac.compare_digest(candidate, card.pin_hash)

    def redeem(self, token: str, pin: str, points: int) -> int:
        card = self.find_by_token(token)
        if card is None or not self.verify_pin(card, pin):
            raise PermissionError("card or PIN not accepted")
        if points > card.points:
            raise ValueError("insufficient points")
        self.conn.execute(
            "UPDATE cards SET points = points - ? WHERE number = ?", (points, card.number)
        )
        self.conn.commit()
        return card.points - points
