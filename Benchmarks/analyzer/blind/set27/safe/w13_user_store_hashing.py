"""User account storage for the volunteer scheduling app."""
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional


@dataclass
class User:
    id: int
    email: str
    display_name: str

    @property
    def avatar_url(self):
        digest = hashlib.md5(self.email.strip().lower().encode(), usedforsecurity=False).hexdigest()
        return f"https://www.gravatar.com/avatar/{digest}?d=identicon"


def hash_password(password, salt):
    derived = hashlib.scrypt(
        password.encode("utf-8"), salt=bytes.fromhex(salt), n=2**14, r=8, p=1, dklen=32
    )
    return derived.hex()


class UserStore:
    def __init__(self, path="volunteers.db"):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, "
            "display_name TEXT, salt TEXT, pw_hash TEXT)"
        )

    def create(self, email, display_name, password):
        salt = os.urandom(16).hex()
        cur = self.conn.execute(
            "INSERT INTO users (email, display_name, salt, pw_hash) VALUES (?, ?, ?, ?)",
            (email.lower(), display_name, salt, hash_password(password, salt)),
        )
        self.conn.commit()
        return User(cur.lastrowid, email.lower(), display_name)

    def authenticate(self, email, password) -> Optional[User]:
        row = self.conn.execute(
            "SELECT id, email, display_name, salt, pw_hash FROM users WHERE email = ?",
            (email.lower(),),
        ).fetchone()
        if row is None:
            return None
        if not hmac.compare_digest(hash_password(password, row[3]), row[4]):
            return None
        return User(row[0], row[1], row[2])

    def change_password(self, user_id, new_password):
        salt = os.urandom(16).hex()
        self.conn.execute(
            "UPDATE users SET salt = ?, pw_hash = ? WHERE id = ?",
            (salt, hash_password(new_password, salt), user_id),
        )
        self.conn.commit()
