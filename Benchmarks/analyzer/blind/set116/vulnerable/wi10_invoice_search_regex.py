"""Back-office invoice search (billing team).

Supports "pattern" searches over invoice memo lines so staff can find e.g.
all termite re-treatments billed under an old SKU.
"""
import re
from decimal import Decimal
from typing import Iterable, Optional

from fastapi import Depends, FastAPI, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from billing.db import get_session
from billing.models import Invoice, InvoiceLine
from billing.auth import require_role

app = FastAPI(title="billing-search")


class MemoMatcher:
    def __init__(self, pattern: str, ignore_case: bool = True):
        flags = re.IGNORECASE if ignore_case else 0
        self.source = pattern
        self.rx = re.compile(pattern, flags)  # VULN flow

    def matches(self, text: Optional[str]) -> bool:
        return bool(text) and self.rx.search(text) is not None


def candidate_lines(db: Session, branch: Optional[str], year: int) -> Iterable:
    stmt = (
        select(InvoiceLine, Invoice)
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(Invoice.year == year)
    )
    if branch:
        stmt = stmt.where(Invoice.branch_code == branch)
    return db.execute(stmt).all()


def summarise(hits: list) -> dict:
    total = sum((line.amount for line, _ in hits), Decimal("0"))
    return {
        "count": len(hits),
        "total": str(total),
        "invoices": sorted({inv.number for _, inv in hits}),
    }


@app.get("/billing/search/memo")
def search_memo(
    q: str = Query(..., min_length=2, max_length=200),
    year: int = Query(...),
    branch: Optional[str] = None,
    case_sensitive: bool = False,
    db: Session = Depends(get_session),
    user=Depends(require_role("billing")),
):
    matcher = MemoMatcher(q, ignore_case=not case_sensitive)
    hits = [(line, inv) for line, inv in candidate_lines(db, branch, year)
            if matcher.matches(line.memo)]
    result = summarise(hits)
    result["lines"] = [
        {"invoice": inv.number, "memo": line.memo, "amount": str(line.amount)}
        for line, inv in hits[:500]
    ]
    return result
