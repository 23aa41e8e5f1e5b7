"""Transaction memo search for the fraud-operations console."""
import logging
import re
from typing import List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from fraudops.store import recent_transactions

log = logging.getLogger("fraudops.search")
MAX_RESULTS = 200
MAX_DAYS = 30


class MemoMatcher:
    """Matches analyst search patterns against payment memo lines."""

    def __init__(self, pattern: str, ignore_case: bool = True) -> None:
        flags = re.IGNORECASE if ignore_case else 0
        self.pattern = pattern
        self._rx = re.compile(pattern, flags)  # VULN flow

    def matches(self, memo: str) -> bool:
        return self._rx.search(memo or "") is not None


def _summary(txn: dict) -> dict:
    return {
        "id": txn["id"],
        "account": txn["account"],
        "amount": str(txn["amount"]),
        "currency": txn["currency"],
        "memo": txn["memo"],
        "booked_at": txn["booked_at"].isoformat(),
    }


async def search_memos(request: Request) -> JSONResponse:
    params = request.query_params
    pattern = params.get("q", "")
    if not pattern:
        return JSONResponse({"error": "q is required"}, status_code=400)
    try:
        days = min(int(params.get("days", "7")), MAX_DAYS)
    except ValueError:
        return JSONResponse({"error": "days must be an integer"}, status_code=400)

    try:
        matcher = MemoMatcher(pattern, ignore_case=params.get("case") != "1")
    except re.error as exc:
        return JSONResponse({"error": f"bad pattern: {exc}"}, status_code=400)

    hits: List[dict] = []
    for txn in await recent_transactions(days=days):
        if matcher.matches(txn["memo"]):
            hits.append(_summary(txn))
            if len(hits) >= MAX_RESULTS:
                break
    log.info("memo search %r over %d days returned %d hits", pattern, days, len(hits))
    return JSONResponse({"count": len(hits), "truncated": len(hits) >= MAX_RESULTS, "results": hits})


app = Starlette(routes=[Route("/search/memos", search_memos, methods=["GET"])])
