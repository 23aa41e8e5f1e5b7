"""Audit-trail search API behind the HR compliance dashboard.

Compliance analysts can filter the audit trail with a pattern, e.g. to find
every salary change touching a given cost centre.
"""
import json
import logging
import os
import re
from pathlib import Path
from typing import Iterator, List, Optional

from fastapi import FastAPI, HTTPException, Query

log = logging.getLogger("audit_search")
app = FastAPI(title="Audit search")

AUDIT_DIR = Path(os.environ.get("AUDIT_DIR", "/var/log/hr-audit"))
SEARCH_FIELDS = {"message", "actor", "action", "target"}


def iter_events(day: str) -> Iterator[dict]:
    path = AUDIT_DIR / f"audit-{day}.jsonl"
    if not path.exists():
        return
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def build_matcher(pattern: str, ignore_case: bool):
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(pattern, flags)  # VULN flow


class AuditQuery:
    def __init__(self, pattern: str, field: str, ignore_case: bool, limit: int):
        self.matcher = build_matcher(pattern, ignore_case)
        self.field = field
        self.limit = limit

    def run(self, days: List[str]) -> List[dict]:
        hits: List[dict] = []
        for day in days:
            for event in iter_events(day):
                if self.matcher.search(str(event.get(self.field, ""))):
                    hits.append(event)
                    if len(hits) >= self.limit:
                        return hits
        return hits


@app.get("/audit/search")
def search_audit(
    pattern: str = Query(..., max_length=200),
    day: List[str] = Query(...),
    field: str = "message",
    ignore_case: bool = True,
    limit: Optional[int] = Query(200, le=1000),
):
    if field not in SEARCH_FIELDS:
        raise HTTPException(status_code=400, detail="unsupported field")
    if any(not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in day):
        raise HTTPException(status_code=400, detail="bad day")
    try:
        query = AuditQuery(pattern, field, ignore_case, limit or 200)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"invalid pattern: {exc}")
    hits = query.run(day)
    return {"count": len(hits), "events": hits}
