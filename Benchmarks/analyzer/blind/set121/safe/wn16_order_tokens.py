"""Tokens for the shop: password-reset links, SMS login codes and
order-tracking links that are emailed to guest customers."""
import hashlib
import secrets
import sqlite3
import string
import time
from typing import Optional

TOKEN_ALPHABET = string.ascii_letters + string.digits
RESET_TTL = 60 * 60
SMS_CODE_TTL = 10 * 60


def _token(length: int = 32) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class TokenService:
    def __init__(self, db_path: str = "/var/lib/beeshop/tokens.db"):
        self.db = sqlite3.connect(db_path)

    def issue_reset_token(self, customer_id: int) -> str:
        token = _token()
        with self.db:
            self.db.execute(
                "INSERT INTO reset_tokens (customer_id, token_hash, expires_at) VALUES (?, ?, ?)",
                (customer_id, _digest(token), int(time.time()) + RESET_TTL),
            )
        return token

    def redeem_reset_token(self, token: str) -> Optional[int]:
        row = self.db.execute(
            "SELECT customer_id, expires_at FROM reset_tokens WHERE token_hash = ?",
            (_digest(token),),
        ).fetchone()
        if row is None or row[1] < time.time():
            return None
        with self.db:
            self.db.execute("DELETE FROM reset_tokens WHERE token_hash = ?", (_digest(token),))
        return row[0]

    def issue_sms_code(self, customer_id: int) -> str:
        code = "%06d" % secrets.randbelow(1_000_000)
        with self.db:
            self.db.execute(
                "REPLACE INTO sms_codes (customer_id, code_hash, expires_at) VALUES (?, ?, ?)",
                (customer_id, _digest(code), int(time.time()) + SMS_CODE_TTL),
            )
        return code

    def tracking_link(self, order_id: int, base_url: str = "https://shop.beeshop.example") -> str:
        token = _token(20)
        with self.db:
            self.db.execute(
                "INSERT INTO tracking_tokens (order_id, token_hash) VALUES (?, ?)",
                (order_id, _digest(token)),
            )
        return "%s/track/%d?t=%s" % (base_url, order_id, token)
