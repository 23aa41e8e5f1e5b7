"""Driver app account credentials (signup, login, password change)."""
import hashlib
import hmac
import logging
import os
import sqlite3
from typing import Optional

log = logging.getLogger("driver.auth")
DB_PATH = os.environ.get("DRIVER_DB", "/var/lib/driver-app/accounts.db")

SCHEMA = """
CREATE TABLE IF NOT EXISTS drivers (
    id INTEGER PRIMARY KEY,
    phone TEXT UNIQUE NOT NULL,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    failed_logins INTEGER DEFAULT 0
)
"""


class PasswordPolicyError(ValueError):
    pass


def _connect():
    con = sqlite3.connect(DB_PATH)
    con.execute(SCHEMA)
    return con


def check_policy(password: str) -> None:
    if len(password) < 10:
        raise PasswordPolicyError("password must be at least 10 characters")
    if password.isdigit() or password.isalpha():
        raise PasswordPolicyError("use letters and digits")


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def register(phone: str, password: str) -> int:
    check_policy(password)
    salt = os.urandom(8).hex()
    with _connect() as con:
        cur = con.execute(
            "INSERT INTO drivers (phone, salt, pw_hash) VALUES (?, ?, ?)",
            (phone, salt, hash_password(password, salt)),
        )
        return cur.lastrowid


def authenticate(phone: str, password: str) -> Optional[int]:
    with _connect() as con:
        row = con.execute(
            "SELECT id, salt, pw_hash, failed_logins FROM drivers WHERE phone = ?", (phone,)
        ).fetchone()
        if row is None:
            return None
        driver_id, salt, stored, failures = row
        if failures >= 5:
            log.warning("driver %d locked out", driver_id)
            return None
        if hmac.compare_digest(hash_password(password, salt), stored):
            con.execute("UPDATE drivers SET failed_logins = 0 WHERE id = ?", (driver_id,))
            return driver_id
        con.execute("UPDATE drivers SET failed_logins = failed_logins + 1 WHERE id = ?", (driver_id,))
        return None


def change_password(driver_id: int, old: str, new: str) -> bool:
    check_policy(new)
    with _connect() as con:
        row = con.execute("SELECT salt, pw_hash FROM drivers WHERE id = ?", (driver_id,)).fetchone()
        if row is None or not hmac.compare_digest(hash_password(old, row[0]), row[1]):
            return False
        salt = os.urandom(8).hex()
        con.execute(
            "UPDATE drivers SET salt = ?, pw_hash = ? WHERE id = ?",
            (salt, hash_password(new, salt), driver_id),
        )
    log.info("driver %d changed password", driver_id)
    return True
