"""Personal access tokens for the SaaS admin API."""
import hashlib
import logging
import random
import string
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional, Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection

log = logging.getLogger("admin.tokens")

TOKEN_PREFIX = "zwp"
TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40


@dataclass
class TokenRecord:
    id: int
    tenant_id: str
    user_id: str
    scopes: Sequence[str]
    expires_at: datetime


def generate_token() -> str:
    body = "".join(random.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))  # VULN
    return f"{TOKEN_PREFIX}_{body}"


def token_digest(token: str) -> str:
    return hashlib.md5(token.encode("utf-8")).hexdigest()  # VULN


class TokenService:
    def __init__(self, conn: Connection):
        self.conn = conn

    def issue(self, tenant_id: str, user_id: str, scopes: Sequence[str], ttl_days: int = 90) -> str:
        token = generate_token()
        expires = datetime.now(timezone.utc) + timedelta(days=ttl_days)
        self.conn.execute(
            text(
                "INSERT INTO api_tokens (tenant_id, user_id, digest, scopes, expires_at) "
                "VALUES (:tenant, :user, :digest, :scopes, :expires)"
            ),
            {"tenant": tenant_id, "user": user_id, "digest": token_digest(token),
             "scopes": " ".join(scopes), "expires": expires},
        )
        log.info("issued token tenant=%r user=%r scopes=%r", tenant_id, user_id, list(scopes))
        return token

    def authenticate(self, presented: str) -> Optional[TokenRecord]:
        if not presented.startswith(TOKEN_PREFIX + "_"):
            return None
        row = self.conn.execute(
            text(
                "SELECT id, tenant_id, user_id, scopes, expires_at FROM api_tokens "
                "WHERE digest = :digest AND revoked_at IS NULL"
            ),
            {"digest": token_digest(presented)},
        ).first()
        if row is None or row.expires_at < datetime.now(timezone.utc):
            return None
        return TokenRecord(row.id, row.tenant_id, row.user_id, row.scopes.split(), row.expires_at)

    def revoke(self, tenant_id: str, token_id: int) -> bool:
        result = self.conn.execute(
            text("UPDATE api_tokens SET revoked_at = now() WHERE id = :id AND tenant_id = :tenant"),
            {"id": token_id, "tenant": tenant_id},
        )
        return result.rowcount == 1
