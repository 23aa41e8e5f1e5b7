"""Issues sign-off tokens for permit-to-work QR codes and SMS PINs used to
confirm isolations at the worksite."""
import logging
import os
import random
import secrets
import sqlite3
import string
import time

import requests

log = logging.getLogger("ptw_tokens")

ALPHABET = string.ascii_letters + string.digits
SMS_GATEWAY = os.environ.get("SMS_GATEWAY_URL", "https://sms.ops.internal/api/send")
SMS_API_KEY = os.environ.get("SMS_API_KEY", "")
DB_PATH = os.environ.get("PTW_DB", "/var/lib/ptw/permits.db")
PIN_TTL = 600


def new_signoff_token(length: int = 24) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_sms_pin() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def retry_delay(attempt: int) -> float:
    return min(30.0, 2 ** attempt) + random.uniform(0, 1)


class TokenService:
    def __init__(self, db_path: str = DB_PATH):
        self.conn = sqlite3.connect(db_path)

    def issue_signoff(self, permit_no: str) -> str:
        token = new_signoff_token()
        self.conn.execute("UPDATE permits SET signoff_token = ? WHERE number = ?", (token, permit_no))
        self.conn.commit()
        return token

    def send_isolation_pin(self, permit_no: str, phone: str) -> bool:
        pin = new_sms_pin()
        self.conn.execute(
            "INSERT INTO isolation_pins (permit_number, pin, expires) VALUES (?, ?, ?)",
            (permit_no, pin, time.time() + PIN_TTL),
        )
        self.conn.commit()
        body = {"to": phone, "text": f"Permit {permit_no}: isolation confirmation PIN {pin}"}
        for attempt in range(4):
            try:
                r = requests.post(SMS_GATEWAY, json=body, timeout=10,
                                  headers={"Authorization": f"Key {SMS_API_KEY}"})
                if r.status_code < 500:
                    return r.ok
            except requests.RequestException as exc:
                log.warning("sms gateway error: %s", exc)
            time.sleep(retry_delay(attempt))
        return False

    def confirm_pin(self, permit_no: str, pin: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM isolation_pins WHERE permit_number = ? AND pin = ? AND expires > ?",
            (permit_no, pin, time.time()),
        ).fetchone()
        return row is not None
