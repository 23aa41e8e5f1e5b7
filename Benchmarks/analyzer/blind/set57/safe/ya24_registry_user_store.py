"""Account store for the private package index (used by `twine upload` basic auth)."""
import base64
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
from typing import Optional

log = logging.getLogger("registry.accounts")

DB_PATH = "/var/lib/registry/accounts.db"
BOOTSTRAP_ADMIN = "registry-admin"
BOOTSTRAP_PASSWORD = os.environ.get("REGISTRY_BOOTSTRAP_PASSWORD")
PBKDF2_ITERATIONS = 600_000


class UserStore:
    def __init__(self, db_path: str = DB_PATH) -> None:
        self.conn = sqlite3.connect(db_path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS users (username TEXT PRIMARY KEY, email TEXT,"
            " salt TEXT, pw_hash TEXT, is_admin INTEGER DEFAULT 0)"
        )

    @staticmethod
    def _hash(password: str, salt: str) -> str:
        dk = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ITERATIONS)
        return dk.hex()

    def create_user(self, username: str, password: str, email: str, is_admin: bool = False) -> None:
        salt = secrets.token_hex(16)
        self.conn.execute(
            "INSERT INTO users (username, email, salt, pw_hash, is_admin) VALUES (?, ?, ?, ?, ?)",
            (username, email, salt, self._hash(password, salt), int(is_admin)),
        )
        self.conn.commit()
        log.info("created user %r", username)

    def authenticate(self, username: str, password: str) -> Optional[sqlite3.Row]:
        row = self.conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
        if row is None:
            return None
        if not hmac.compare_digest(row["pw_hash"], self._hash(password, row["salt"])):
            return None
        return row

    def set_password(self, username: str, new_password: str) -> None:
        salt = secrets.token_hex(16)
        self.conn.execute("UPDATE users SET salt = ?, pw_hash = ? WHERE username = ?",
                          (salt, self._hash(new_password, salt), username))
        self.conn.commit()


def ensure_admin(store: UserStore) -> None:
    exists = store.conn.execute("SELECT 1 FROM users WHERE username = ?", (BOOTSTRAP_ADMIN,)).fetchone()
    if not exists:
        if not BOOTSTRAP_PASSWORD:
            raise RuntimeError("set REGISTRY_BOOTSTRAP_PASSWORD to create the initial admin")
        store.create_user(BOOTSTRAP_ADMIN, BOOTSTRAP_PASSWORD, "registry-admins@example.com", is_admin=True)


def check_basic_auth(store: UserStore, header: Optional[str]) -> Optional[sqlite3.Row]:
    if not header or not header.startswith("Basic "):
        return None
    try:
        username, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    user = store.authenticate(username, password)
    if user is None:
        log.warning("failed upload auth for %r", username)
    return user
