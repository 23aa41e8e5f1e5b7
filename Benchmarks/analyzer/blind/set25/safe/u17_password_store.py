"""Credential storage for the internal wiki."""
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT UNIQUE NOT NULL,
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0
)
"""
PBKDF2_ITERATIONS = 600_000


@dataclass
class User:
    id: int
    username: str
    email: str
    password_hash: str
    is_admin: bool = False

    def avatar_url(self, size: int = 80) -> str:
        digest = hashlib.md5(self.email.strip().lower().encode(), usedforsecurity=False).hexdigest()
        return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


class CredentialStore:
    def __init__(self, path: str = "wiki_users.db"):
        self.conn = sqlite3.connect(path)
        self.conn.execute(SCHEMA)

    @staticmethod
    def hash_password(password: str, salt: Optional[bytes] = None, iterations: int = PBKDF2_ITERATIONS) -> str:
        salt = salt if salt is not None else os.urandom(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
        return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"

    @staticmethod
    def verify_password(password: str, stored: str) -> bool:
        try:
            algorithm, iterations, salt_hex, _ = stored.split("$")
            salt = bytes.fromhex(salt_hex)
            rounds = int(iterations)
        except ValueError:
            return False
        if algorithm != "pbkdf2_sha256":
            return False
        candidate = CredentialStore.hash_password(password, salt, rounds)
        return hmac.compare_digest(candidate, stored)

    def create_user(self, username: str, email: str, password: str, is_admin: bool = False) -> int:
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO users (username, email, password_hash, is_admin) VALUES (?, ?, ?, ?)",
                (username, email, self.hash_password(password), int(is_admin)),
            )
        return cur.lastrowid

    def get_user(self, username: str) -> Optional[User]:
        row = self.conn.execute(
            "SELECT id, username, email, password_hash, is_admin FROM users WHERE username = ?",
            (username,),
        ).fetchone()
        return User(row[0], row[1], row[2], row[3], bool(row[4])) if row else None

    def authenticate(self, username: str, password: str) -> Optional[User]:
        user = self.get_user(username)
        if user is None or not self.verify_password(password, user.password_hash):
            return None
        return user

    def change_password(self, user_id: int, new_password: str) -> None:
        if len(new_password) < 12:
            raise ValueError("password must be at least 12 characters")
        with self.conn:
            self.conn.execute(
                "UPDATE users SET password_hash = ? WHERE id = ?",
                (self.hash_password(new_password), user_id),
            )
