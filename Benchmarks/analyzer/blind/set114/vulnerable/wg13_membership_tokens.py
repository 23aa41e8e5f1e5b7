"""Membership account service: sign-up, login and digital membership cards."""
import hashlib
import logging
import random
import sqlite3
import string
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

log = logging.getLogger("membership")

CARD_ALPHABET = string.ascii_uppercase + string.digits


@dataclass
class Member:
    member_id: int
    email: str
    tier: str
    card_token: str
    expires: date


class MembershipService:
    def __init__(self, db_path: str = "/var/lib/zoo/members.db"):
        self.db = sqlite3.connect(db_path)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS members (id INTEGER PRIMARY KEY, email TEXT UNIQUE, "
            "pw_hash TEXT, tier TEXT, card_token TEXT UNIQUE, expires TEXT)"
        )

    @staticmethod
    def hash_password(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

    @staticmethod
    def new_card_token(length: int = 12) -> str:
        return "".join(random.choices(CARD_ALPHABET, k=length))  # VULN

    def register(self, email: str, password: str, tier: str = "family") -> Member:
        token = self.new_card_token()
        expires = date.today() + timedelta(days=365)
        cur = self.db.execute(
            "INSERT INTO members (email, pw_hash, tier, card_token, expires) VALUES (?, ?, ?, ?, ?)",
            (email.lower(), self.hash_password(password), tier, token, expires.isoformat()),
        )
        self.db.commit()
        log.info("registered member %d (%s tier)", cur.lastrowid, tier)
        return Member(cur.lastrowid, email.lower(), tier, token, expires)

    def authenticate(self, email: str, password: str) -> Optional[Member]:
        row = self.db.execute(
            "SELECT id, email, pw_hash, tier, card_token, expires FROM members WHERE email = ?",
            (email.lower(),),
        ).fetchone()
        if row is None or row[2] != self.hash_password(password):
            return None
        return Member(row[0], row[1], row[3], row[4], date.fromisoformat(row[5]))

    def lookup_card(self, token: str) -> Optional[Member]:
        """Used by the gate scanners: the QR code on the card encodes the token."""
        row = self.db.execute(
            "SELECT id, email, tier, card_token, expires FROM members WHERE card_token = ?",
            (token,),
        ).fetchone()
        if row is None:
            return None
        member = Member(row[0], row[1], row[2], row[3], date.fromisoformat(row[4]))
        return member if member.expires >= date.today() else None

    def reissue_card(self, member_id: int) -> str:
        token = self.new_card_token()
        self.db.execute("UPDATE members SET card_token = ? WHERE id = ?", (token, member_id))
        self.db.commit()
        return token
