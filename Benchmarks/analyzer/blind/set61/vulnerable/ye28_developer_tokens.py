"""Developer platform: app registration, developer logins and API access tokens."""
import hashlib
import hmac
import logging
import sqlite3
import time
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("devplatform")

SCHEMA = """
CREATE TABLE IF NOT EXISTS developers (id INTEGER PRIMARY KEY, email TEXT UNIQUE, pw_hash TEXT);
CREATE TABLE IF NOT EXISTS app_tokens (token_hash TEXT PRIMARY KEY, app_id INTEGER,
                                       scopes TEXT, created REAL);
"""


@dataclass
class TokenInfo:
    app_id: int
    scopes: tuple


class DeveloperStore:
    def __init__(self, path: str = "devplatform.db"):
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)

    # --- developer accounts -------------------------------------------------
    @staticmethod
    def _pw_hash(password: str) -> str:
        return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN

    def create_developer(self, email: str, password: str) -> int:
        cur = self.db.execute("INSERT INTO developers (email, pw_hash) VALUES (?, ?)",
                              (email.lower(), self._pw_hash(password)))
        self.db.commit()
        return cur.lastrowid

    def check_login(self, email: str, password: str) -> bool:
        row = self.db.execute("SELECT pw_hash FROM developers WHERE email = ?",
                              (email.lower(),)).fetchone()
        return bool(row) and hmac.compare_digest(row[0], self._pw_hash(password))

    # --- app tokens ---------------------------------------------------------
    def issue_token(self, app_id: int, scopes=("read:photos",)) -> str:
        token = hashlib.md5(f"{app_id}:{time.time()}".encode()).hexdigest()  # VULN
        token_hash = hashlib.sha256(token.encode()).hexdigest()
        self.db.execute("INSERT INTO app_tokens VALUES (?, ?, ?, ?)",
                        (token_hash, app_id, " ".join(scopes), time.time()))
        self.db.commit()
        log.info("issued token for app %d with scopes %s", app_id, ",".join(scopes))
        return token

    def resolve_token(self, token: str) -> Optional[TokenInfo]:
        token_hash = hashlib.sha256(token.encode()).hexdigest()
        row = self.db.execute("SELECT app_id, scopes FROM app_tokens WHERE token_hash = ?",
                              (token_hash,)).fetchone()
        if row is None:
            return None
        return TokenInfo(app_id=row[0], scopes=tuple(row[1].split()))

    def revoke_app(self, app_id: int) -> int:
        cur = self.db.execute("DELETE FROM app_tokens WHERE app_id = ?", (app_id,))
        self.db.commit()
        return cur.rowcount
