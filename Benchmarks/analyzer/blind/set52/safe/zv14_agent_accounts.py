"""Account storage for letting agents who log into the listings back-office."""
import hashlib
import hmac
import logging
import os
import sqlite3
from typing import Optional

log = logging.getLogger("agent_accounts")

DB_PATH = os.environ.get("AGENT_DB", "/var/lib/backoffice/agents.db")
PBKDF2_ROUNDS = 600_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS agents (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    branch TEXT NOT NULL,
    salt TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
)
"""


def _conn():
    conn = sqlite3.connect(DB_PATH)
    conn.execute(SCHEMA)
    return conn


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ROUNDS).hex()


def create_agent(email: str, branch: str, password: str) -> int:
    if len(password) < 10:
        raise ValueError("password must be at least 10 characters")
    salt = os.urandom(16).hex()
    with _conn() as conn:
        cur = conn.execute(
            "INSERT INTO agents (email, branch, salt, password_hash) VALUES (?, ?, ?, ?)",
            (email.lower(), branch, salt, hash_password(password, salt)),
        )
        log.info("created agent %d in branch %r", cur.lastrowid, branch)
        return cur.lastrowid


def authenticate(email: str, password: str) -> Optional[int]:
    with _conn() as conn:
        row = conn.execute(
            "SELECT id, salt, password_hash, active FROM agents WHERE email = ?", (email.lower(),)
        ).fetchone()
    if row is None or not row[3]:
        return None
    agent_id, salt, stored, _ = row
    if hmac.compare_digest(hash_password(password, salt), stored):
        return agent_id
    return None


def change_password(agent_id: int, old: str, new: str) -> bool:
    with _conn() as conn:
        row = conn.execute("SELECT email FROM agents WHERE id = ?", (agent_id,)).fetchone()
        if row is None or authenticate(row[0], old) != agent_id:
            return False
        salt = os.urandom(16).hex()
        conn.execute(
            "UPDATE agents SET salt = ?, password_hash = ? WHERE id = ?",
            (salt, hash_password(new, salt), agent_id),
        )
    log.info("agent %d changed password", agent_id)
    return True
