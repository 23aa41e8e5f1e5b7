"""Refund approval workflow for the support back office."""
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Dict

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="refunds")
APPROVER_ROLES = {"finance", "admin"}


class RefundStatus(str, Enum):
    pending = "pending"
    approved = "approved"
    rejected = "rejected"


@dataclass
class User:
    id: int
    name: str
    role: str


@dataclass
class Refund:
    id: int
    order_id: int
    amount_cents: int
    status: RefundStatus = RefundStatus.pending
    decided_by: int = 0
    decided_at: datetime = None


class Decision(BaseModel):
    approve: bool
    note: str = ""


SESSIONS: Dict[str, User] = {}
REFUNDS: Dict[int, Refund] = {}


def current_user(authorization: str = Header(...)) -> User:
    scheme, _, token = authorization.partition(" ")
    user = SESSIONS.get(token) if scheme.lower() == "bearer" else None
    if user is None:
        raise HTTPException(status_code=401, detail="invalid session")
    return user


def load_refund(refund_id: int) -> Refund:
    refund = REFUNDS.get(refund_id)
    if refund is None:
        raise HTTPException(status_code=404, detail="refund not found")
    return refund


@app.post("/refunds/{refund_id}/decision")
def decide_refund(refund_id: int, decision: Decision, user: User = Depends(current_user)):
    assert user.role in APPROVER_ROLES, "only finance staff may decide refunds"  # VULN
    refund = load_refund(refund_id)
    if refund.status is not RefundStatus.pending:
        raise HTTPException(status_code=409, detail="refund already decided")
    refund.status = RefundStatus.approved if decision.approve else RefundStatus.rejected
    refund.decided_by = user.id
    refund.decided_at = datetime.now(timezone.utc)
    return {"id": refund.id, "status": refund.status, "decided_by": user.name}


@app.get("/refunds/{refund_id}")
def get_refund(refund_id: int, user: User = Depends(current_user)):
    refund = load_refund(refund_id)
    return {"id": refund.id, "order_id": refund.order_id, "amount_cents": refund.amount_cents, "status": refund.status}
