"""Credential and session helpers for the crew self-service portal."""
import base64
import hashlib
import hmac
import json
import os
import time
from typing import Optional

import psycopg2

PORTAL_SIGNING_KEY = os.environ["PORTAL_SIGNING_KEY"]
SESSION_TTL = 8 * 3600
PBKDF2_ROUNDS = 390_000


def hash_password(password: str, salt: Optional[bytes] = None, rounds: int = PBKDF2_ROUNDS) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, rounds)
    return f"pbkdf2_sha256${rounds}${salt.hex()}${digest.hex()}"


def _check_password(password: str, stored: str) -> bool:
    try:
        _, rounds, salt_hex, _ = stored.split("$")
    except ValueError:
        return False
    candidate = hash_password(password, bytes.fromhex(salt_hex), int(rounds))
    return hmac.compare_digest(candidate, stored)


class CrewAccounts:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)

    def create(self, staff_no: str, password: str, base: str) -> None:
        with self.conn, self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO crew_accounts (staff_no, password_hash, base) VALUES (%s, %s, %s)",
                (staff_no, hash_password(password), base),
            )

    def verify(self, staff_no: str, password: str) -> bool:
        with self.conn.cursor() as cur:
            cur.execute("SELECT password_hash FROM crew_accounts WHERE staff_no = %s", (staff_no,))
            row = cur.fetchone()
        if row is None:
            return False
        return _check_password(password, row[0])

    def change_password(self, staff_no: str, old: str, new: str) -> bool:
        if not self.verify(staff_no, old):
            return False
        with self.conn, self.conn.cursor() as cur:
            cur.execute(
                "UPDATE crew_accounts SET password_hash = %s WHERE staff_no = %s",
                (hash_password(new), staff_no),
            )
        return True


def _sign(data: bytes) -> str:
    mac = hmac.new(PORTAL_SIGNING_KEY.encode(), data, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def issue_session(staff_no: str) -> str:
    payload = json.dumps({"sub": staff_no, "exp": int(time.time()) + SESSION_TTL}).encode()
    body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    return f"{body}.{_sign(payload)}"


def check_session(token: str) -> Optional[str]:
    try:
        body, sig = token.split(".", 1)
        payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        return None
    if not hmac.compare_digest(_sign(payload), sig):
        return None
    claims = json.loads(payload)
    if claims.get("exp", 0) < time.time():
        return None
    return claims.get("sub")
