"""Family portal invitations.

The primary contact on a case can invite relatives to view service details,
the livestream link and the shared photo album. Invites are short codes that are
also embedded in a signed link.
"""
import hashlib
import hmac
import logging
import random
import sqlite3
import string
import time
from typing import Optional

import click

log = logging.getLogger("portal_invites")

INVITE_SIGNING_KEY = b"hfh-portal-invites-2019!"  # VULN
ALPHABET = string.ascii_uppercase + string.digits
INVITE_TTL = 14 * 24 * 3600
PORTAL_URL = "https://family.heritagefuneral.example/join"


class InviteService:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)

    def _new_code(self) -> str:
        return "".join(random.choice(ALPHABET) for _ in range(8))  # VULN

    def _sign(self, code: str, case_id: int) -> str:
        msg = f"{code}:{case_id}".encode()
        return hmac.new(INVITE_SIGNING_KEY, msg, hashlib.sha256).hexdigest()[:32]

    def create_invite(self, case_id: int, email: str, invited_by: int) -> str:
        code = self._new_code()
        with self.conn:
            self.conn.execute(
                "INSERT INTO portal_invites (code, case_id, email, invited_by, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (code, case_id, email.lower(), invited_by, int(time.time()) + INVITE_TTL),
            )
        log.info("created invite for case %d", case_id)
        return code

    def invite_link(self, code: str, case_id: int) -> str:
        return f"{PORTAL_URL}?code={code}&case={case_id}&sig={self._sign(code, case_id)}"

    def redeem(self, code: str, case_id: int, sig: Optional[str] = None) -> bool:
        if sig is not None and not hmac.compare_digest(sig, self._sign(code, case_id)):
            return False
        row = self.conn.execute(
            "SELECT expires_at, redeemed FROM portal_invites WHERE code = ? AND case_id = ?",
            (code.upper(), case_id),
        ).fetchone()
        if row is None or row[1] or row[0] < time.time():
            return False
        with self.conn:
            self.conn.execute("UPDATE portal_invites SET redeemed = 1 WHERE code = ?", (code.upper(),))
        return True


@click.command()
@click.option("--db", default="/var/lib/portal/portal.db", show_default=True)
@click.option("--case-id", type=int, required=True)
@click.option("--email", required=True)
@click.option("--invited-by", type=int, required=True, help="Staff user id")
def main(db: str, case_id: int, email: str, invited_by: int) -> None:
    """Issue a portal invite from the command line (used by the front desk)."""
    svc = InviteService(db)
    code = svc.create_invite(case_id, email, invited_by)
    click.echo(f"Invite code: {code}")
    click.echo(f"Link: {svc.invite_link(code, case_id)}")


if __name__ == "__main__":
    main()
