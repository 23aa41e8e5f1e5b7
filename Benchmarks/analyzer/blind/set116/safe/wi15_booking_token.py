"""Appointment self-service links.

When a visit is booked we text the customer a link that lets them
reschedule or cancel without logging in, plus a 6-digit code they read to
the technician on arrival to confirm the right property.
"""
import secrets
import string
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

import psycopg2.extras

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 24
LINK_TTL = timedelta(days=14)
PORTAL_BASE = "https://book.bugfreehomes.com/a/"


@dataclass
class SelfServiceLink:
    visit_id: int
    token: str
    arrival_code: str
    expires_at: datetime

    @property
    def url(self) -> str:
        return PORTAL_BASE + self.token


def new_token(length: int = TOKEN_LENGTH) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def new_arrival_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


class LinkService:
    def __init__(self, conn):
        self.conn = conn

    def issue(self, visit_id: int) -> SelfServiceLink:
        link = SelfServiceLink(
            visit_id=visit_id,
            token=new_token(),
            arrival_code=new_arrival_code(),
            expires_at=datetime.now(timezone.utc) + LINK_TTL,
        )
        with self.conn.cursor() as cur:
            cur.execute(
                "UPDATE visit_links SET revoked = true WHERE visit_id = %s AND NOT revoked",
                (visit_id,),
            )
            cur.execute(
                "INSERT INTO visit_links (visit_id, token, arrival_code, expires_at) "
                "VALUES (%s, %s, %s, %s)",
                (link.visit_id, link.token, link.arrival_code, link.expires_at),
            )
        self.conn.commit()
        return link

    def resolve(self, token: str) -> Optional[dict]:
        with self.conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(
                "SELECT l.visit_id, v.scheduled_for, v.service, v.address_line1 "
                "FROM visit_links l JOIN visits v ON v.id = l.visit_id "
                "WHERE l.token = %s AND NOT l.revoked AND l.expires_at > now()",
                (token,),
            )
            return cur.fetchone()

    def verify_arrival(self, visit_id: int, code: str) -> bool:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT 1 FROM visit_links WHERE visit_id = %s AND arrival_code = %s "
                "AND NOT revoked",
                (visit_id, code),
            )
            return cur.fetchone() is not None
