"""Claims reserve adjustment endpoint with an append-only audit trail."""
import json
import logging
import os
from datetime import datetime, timezone

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

logger = logging.getLogger("claims.reserves")

AUDIT_PATH = os.environ.get("RESERVE_AUDIT_LOG", "/var/log/claims/reserve_audit.log")
# authority limits per role; role and adjuster id are set by the SSO gateway
MAX_AUTHORITY = {"adjuster": 25_000, "senior": 100_000, "manager": 1_000_000}


class ReserveStore:
    def __init__(self):
        self._reserves = {}

    def get(self, claim_id: str) -> float:
        return self._reserves.get(claim_id, 0.0)

    def set(self, claim_id: str, amount: float) -> None:
        self._reserves[claim_id] = amount


store = ReserveStore()


def write_audit(entry: dict) -> None:
    line = json.dumps(entry, sort_keys=True) + "\n"
    with open(AUDIT_PATH, "a", encoding="utf-8") as fh:
        fh.write(line)


async def adjust_reserve(request: Request) -> JSONResponse:
    claim_id = request.path_params["claim_id"]
    adjuster = request.headers.get("x-adjuster-id", "unknown")
    role = request.headers.get("x-adjuster-role", "adjuster")
    data = await request.json()
    try:
        amount = float(data["amount"])
    except (KeyError, TypeError, ValueError):
        return JSONResponse({"error": "amount required"}, status_code=400)
    reason = str(data.get("reason", ""))

    if amount > MAX_AUTHORITY.get(role, 0):
        logger.warning("reserve %.2f exceeds authority of %r on %r: %r", amount, adjuster, claim_id, reason)
        return JSONResponse({"error": "exceeds authority, refer to manager"}, status_code=403)

    old = store.get(claim_id)
    store.set(claim_id, amount)
    write_audit({
        "ts": datetime.now(timezone.utc).isoformat(),
        "adjuster": adjuster,
        "claim": claim_id,
        "old": old,
        "new": amount,
        "reason": reason,
    })
    logger.info("reserve for %r moved %.2f -> %.2f", claim_id, old, amount)
    return JSONResponse({"claim": claim_id, "reserve": amount})


app = Starlette(routes=[Route("/claims/{claim_id}/reserve", adjust_reserve, methods=["POST"])])
