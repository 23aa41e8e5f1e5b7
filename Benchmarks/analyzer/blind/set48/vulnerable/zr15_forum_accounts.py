"""Account helpers for the forum: registration, password checks, avatars."""
import hashlib
import os
import sqlite3
from typing import Optional

DB_PATH = os.environ.get("FORUM_DB", "/var/lib/forum/forum.db")


class AccountError(Exception):
    pass


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def hash_password(password: str, salt: Optional[str] = None) -> str:
    salt = salt or os.urandom(8).hex()
    digest = hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN
    return f"{salt}${digest}"


def check_password(password: str, stored: str) -> bool:
    salt, _, _digest = stored.partition("$")
    return hash_password(password, salt) == stored


def gravatar_url(email: str, size: int = 80) -> str:
    key = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{key}?s={size}&d=identicon"


def register(username: str, email: str, password: str) -> int:
    if len(password) < 10:
        raise AccountError("password must be at least 10 characters")
    with _connect() as conn:
        exists = conn.execute(
            "SELECT 1 FROM users WHERE username = ? OR email = ?", (username, email)
        ).fetchone()
        if exists:
            raise AccountError("username or email already registered")
        cur = conn.execute(
            "INSERT INTO users (username, email, password_hash, avatar_url) VALUES (?, ?, ?, ?)",
            (username, email, hash_password(password), gravatar_url(email)),
        )
        return cur.lastrowid


def login(username: str, password: str) -> Optional[int]:
    with _connect() as conn:
        row = conn.execute(
            "SELECT id, password_hash, banned FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row is None or row["banned"]:
        return None
    return row["id"] if check_password(password, row["password_hash"]) else None


def change_password(user_id: int, old: str, new: str) -> None:
    with _connect() as conn:
        row = conn.execute("SELECT password_hash FROM users WHERE id = ?", (user_id,)).fetchone()
        if row is None or not check_password(old, row["password_hash"]):
            raise AccountError("current password is wrong")
        conn.execute(
            "UPDATE users SET password_hash = ? WHERE id = ?", (hash_password(new), user_id)
        )
