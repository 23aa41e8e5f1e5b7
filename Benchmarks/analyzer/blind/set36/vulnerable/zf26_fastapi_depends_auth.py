"""Underwriting API: manual repricing of commercial property policies."""
import logging
import os
import traceback
from decimal import Decimal

import redis.asyncio as redis
from fastapi import APIRouter, Depends, Header, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .pricing import PricingEngine, PricingError

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/underwriting", tags=["underwriting"])
sessions = redis.from_url(os.environ["SESSION_REDIS_URL"], decode_responses=True)
engine = PricingEngine.from_env()

UNDERWRITING_ROLES = {"underwriter", "senior_underwriter"}


class StaffUser(BaseModel):
    username: str
    role: str


class RepriceRequest(BaseModel):
    base_premium: Decimal = Field(gt=0, max_digits=12, decimal_places=2)
    risk_adjustment: Decimal = Field(ge=Decimal("-0.5"), le=Decimal("2.0"))
    reason: str = Field(min_length=5, max_length=500)


async def current_user(x_session_token: str = Header(..., min_length=32)) -> StaffUser:
    raw = await sessions.get(f"staff-session:{x_session_token}")
    if raw is None:
        raise HTTPException(status_code=401, detail="session expired")
    return StaffUser.model_validate_json(raw)


async def require_underwriter(user: StaffUser = Depends(current_user)) -> StaffUser:
    assert user.role in UNDERWRITING_ROLES, "underwriter role required"  # VULN
    return user


@router.get("/policies/{policy_id}/quote")
async def current_quote(policy_id: int, user: StaffUser = Depends(current_user)):
    quote = await engine.current(policy_id)
    return {"policy_id": policy_id, "premium": str(quote.premium)}


@router.post("/policies/{policy_id}/reprice")
async def reprice_policy(policy_id: int, body: RepriceRequest, user: StaffUser = Depends(require_underwriter)):
    try:
        quote = await engine.reprice(
            policy_id, body.base_premium, body.risk_adjustment, actor=user.username, reason=body.reason
        )
    except PricingError:
        details = traceback.format_exc()
        return JSONResponse(status_code=422, content={"error": "repricing failed", "details": details})  # VULN flow

    logger.info("policy %d repriced by %r", policy_id, user.username)
    return {
        "policy_id": policy_id,
        "premium": str(quote.premium),
        "effective_from": quote.effective_from.isoformat(),
    }
