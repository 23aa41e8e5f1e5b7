"""Provider onboarding: email verification and password-reset links."""
import hashlib
import logging
import os
import secrets
import time
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg2

log = logging.getLogger("onboarding")

DB_DSN = os.environ["ONBOARDING_DB_DSN"]
TOKEN_TTL = 24 * 3600
BASE_URL = "https://pros.fixitnow.co.uk"


@dataclass
class PendingToken:
    provider_id: int
    purpose: str
    token: str
    expires_at: int


@contextmanager
def db_cursor():
    conn = psycopg2.connect(DB_DSN)
    try:
        with conn, conn.cursor() as cur:
            yield cur
    finally:
        conn.close()


def make_token(email: str, purpose: str) -> str:
    return secrets.token_urlsafe(32)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(provider_id: int, email: str, purpose: str) -> PendingToken:
    token = make_token(email, purpose)
    pending = PendingToken(provider_id, purpose, token, int(time.time()) + TOKEN_TTL)
    with db_cursor() as cur:
        cur.execute(
            "INSERT INTO provider_tokens (provider_id, purpose, token, expires_at) VALUES (%s, %s, %s, to_timestamp(%s))",
            (provider_id, purpose, _digest(token), pending.expires_at),
        )
    log.info("issued %s token for provider %s", purpose, provider_id)
    return pending


def verification_link(provider_id: int, email: str) -> str:
    return f"{BASE_URL}/verify?t={issue(provider_id, email, 'verify').token}"


def reset_link(provider_id: int, email: str) -> str:
    return f"{BASE_URL}/reset?t={issue(provider_id, email, 'reset').token}"


def consume(token: str, purpose: str):
    with db_cursor() as cur:
        cur.execute(
            "DELETE FROM provider_tokens WHERE token = %s AND purpose = %s AND expires_at > now() "
            "RETURNING provider_id",
            (_digest(token), purpose),
        )
        row = cur.fetchone()
    return row[0] if row else None
