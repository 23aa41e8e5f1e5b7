"""Loyalty member lookup used by the POS "find customer" dialog."""
import logging
import os
import sqlite3
from typing import Any, Dict, List, Optional, Tuple

from fastapi import FastAPI, HTTPException, Query

DB_PATH = os.environ.get("LOYALTY_DB", "/srv/loyalty/loyalty.db")

log = logging.getLogger("loyalty.lookup")
app = FastAPI(title="loyalty-lookup")


class LoyaltyRepo:
    def __init__(self, path: str) -> None:
        self.path = path

    def _conn(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def _where(self, phone: Optional[str], email: Optional[str]) -> Tuple[str, list]:
        clauses, params = [], []
        if phone:
            digits = phone.replace(" ", "").replace("-", "")
            clauses.append("phone = ?")
            params.append(digits)
        if email:
            clauses.append("lower(email) = lower(?)")
            params.append(email.strip())
        return " AND ".join(clauses), params

    def find_member(self, phone: Optional[str], email: Optional[str]) -> Optional[Dict[str, Any]]:
        where, params = self._where(phone, email)
        sql = "SELECT member_id, first_name, tier, points FROM members WHERE " + where
        with self._conn() as conn:
            row = conn.execute(sql, params).fetchone()
        return dict(row) if row else None

    def recent_activity(self, member_id: int, limit: int = 20) -> List[Dict[str, Any]]:
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT ts, store_id, points_delta, reason FROM activity "
                "WHERE member_id = ? ORDER BY ts DESC LIMIT ?",
                (member_id, limit),
            ).fetchall()
        return [dict(r) for r in rows]


repo = LoyaltyRepo(DB_PATH)


@app.get("/members/lookup")
def lookup(
    phone: Optional[str] = Query(None, max_length=32),
    email: Optional[str] = Query(None, max_length=254),
):
    if not phone and not email:
        raise HTTPException(status_code=400, detail="phone or email required")
    member = repo.find_member(phone, email)
    if member is None:
        raise HTTPException(status_code=404, detail="no such member")
    member["activity"] = repo.recent_activity(member["member_id"])
    log.info("member %s looked up", member["member_id"])
    return member
