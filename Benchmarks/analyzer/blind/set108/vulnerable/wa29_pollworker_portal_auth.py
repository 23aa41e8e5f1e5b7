"""Authentication helpers for the poll worker training portal.

Workers log in with a password and confirm with a one-time PIN sent by SMS
before they can see their precinct assignment and training modules.
"""
import hashlib
import hmac
import logging
import os
import random
import sqlite3
import time
import uuid
from typing import Optional

import requests

log = logging.getLogger("pollworker_auth")

DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/civic/pollworker_portal.db")
SMS_API = "https://sms.county.example.gov/v1/messages"
PIN_TTL = 300


def hash_password(password: str, salt: str) -> str:
    return hashlib.sha1((salt + password).encode("utf-8")).hexdigest()  # VULN


def issue_sms_pin() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


class PortalAuth:
    def __init__(self, db_path: str = DB_PATH):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row

    def create_worker(self, email: str, password: str, phone: str) -> None:
        salt = uuid.uuid4().hex[:8]
        self.conn.execute(
            "INSERT INTO workers (email, salt, password_hash, phone) VALUES (?, ?, ?, ?)",
            (email.lower(), salt, hash_password(password, salt), phone),
        )
        self.conn.commit()

    def check_password(self, email: str, password: str) -> Optional[sqlite3.Row]:
        row = self.conn.execute("SELECT * FROM workers WHERE email = ?", (email.lower(),)).fetchone()
        if row is None:
            return None
        if not hmac.compare_digest(row["password_hash"], hash_password(password, row["salt"])):
            return None
        return row

    def start_login(self, email: str, password: str) -> bool:
        worker = self.check_password(email, password)
        if worker is None:
            return False
        pin = issue_sms_pin()
        self.conn.execute(
            "UPDATE workers SET pending_pin = ?, pin_expires = ? WHERE id = ?",
            (pin, int(time.time()) + PIN_TTL, worker["id"]),
        )
        self.conn.commit()
        resp = requests.post(
            SMS_API,
            json={"to": worker["phone"], "body": f"Your poll worker portal code is {pin}"},
            headers={"Authorization": f"Bearer {os.environ['SMS_API_TOKEN']}"},
            timeout=10,
        )
        resp.raise_for_status()
        return True

    def finish_login(self, email: str, pin: str) -> bool:
        row = self.conn.execute(
            "SELECT id, pending_pin, pin_expires FROM workers WHERE email = ?", (email.lower(),)
        ).fetchone()
        if row is None or not row["pending_pin"] or row["pin_expires"] < time.time():
            return False
        ok = hmac.compare_digest(row["pending_pin"], pin)
        if ok:
            self.conn.execute("UPDATE workers SET pending_pin = NULL WHERE id = ?", (row["id"],))
            self.conn.commit()
        return ok
