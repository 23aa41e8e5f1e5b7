"""Member account store for the gym booking system (SQLite backend)."""
import hashlib
import hmac
import os
import sqlite3
from contextlib import closing

PBKDF2_ROUNDS = 600_000


class DuplicateMember(Exception):
    pass


class MemberStore:
    def __init__(self, db_path):
        self.db_path = db_path

    def _conn(self):
        conn = sqlite3.connect(self.db_path)
        conn.row_factory = sqlite3.Row
        return conn

    def init_schema(self):
        with closing(self._conn()) as conn, conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS members ("
                "id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, "
                "full_name TEXT, pw_hash TEXT NOT NULL)"
            )

    @staticmethod
    def hash_password(password, salt=None):
        salt = salt if salt is not None else os.urandom(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
        return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"

    @classmethod
    def check_password(cls, password, stored):
        _, rounds, salt_hex, digest_hex = stored.split("$")
        candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds))
        return hmac.compare_digest(candidate.hex(), digest_hex)

    def register(self, email, full_name, password):
        if len(password) < 10:
            raise ValueError("password too short")
        try:
            with closing(self._conn()) as conn, conn:
                cur = conn.execute(
                    "INSERT INTO members (email, full_name, pw_hash) VALUES (?, ?, ?)",
                    (email.lower(), full_name, self.hash_password(password)),
                )
                return cur.lastrowid
        except sqlite3.IntegrityError:
            raise DuplicateMember(email)

    def authenticate(self, email, password):
        with closing(self._conn()) as conn:
            row = conn.execute(
                "SELECT id, pw_hash FROM members WHERE email = ?", (email.lower(),)
            ).fetchone()
        if row is None:
            return None
        if self.check_password(password, row["pw_hash"]):
            return row["id"]
        return None

    def change_password(self, member_id, new_password):
        with closing(self._conn()) as conn, conn:
            conn.execute("UPDATE members SET pw_hash = ? WHERE id = ?",
                         (self.hash_password(new_password), member_id))
