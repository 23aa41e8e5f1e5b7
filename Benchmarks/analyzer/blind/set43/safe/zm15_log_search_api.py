"""Log search API for the support dashboard (FastAPI).

Support engineers filter the last N lines of a service's log by a search term.
"""
import logging
import os
import re
from collections import deque
from pathlib import Path
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

LOG_ROOT = Path(os.environ.get("LOG_ROOT", "/var/log/services"))
SERVICES = {"api": "api.log", "worker": "worker.log", "billing": "billing.log"}
MAX_TAIL = 20_000

app = FastAPI(title="log-search")
logger = logging.getLogger("log-search")


class Match(BaseModel):
    line_no: int
    text: str


class SearchResult(BaseModel):
    service: str
    scanned: int
    matches: List[Match]


def tail(path: Path, n: int) -> List[str]:
    with path.open("r", errors="replace") as fh:
        return list(deque(fh, maxlen=n))


class LineFilter:
    def __init__(self, pattern: str, ignore_case: bool):
        flags = re.IGNORECASE if ignore_case else 0
        self.matcher = re.compile(re.escape(pattern), flags)

    def __call__(self, line: str) -> bool:
        return self.matcher.search(line) is not None


@app.get("/services/{service}/search", response_model=SearchResult)
def search(
    service: str,
    pattern: str = Query(..., min_length=1, max_length=500),
    ignore_case: bool = False,
    lines: int = Query(2000, ge=1, le=MAX_TAIL),
    level: Optional[str] = None,
):
    filename = SERVICES.get(service)
    if filename is None:
        raise HTTPException(status_code=404, detail="unknown service")

    try:
        keep = LineFilter(pattern, ignore_case)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")

    recent = tail(LOG_ROOT / filename, lines)
    matches = []
    for idx, text in enumerate(recent, start=1):
        if level and f" {level.upper()} " not in text:
            continue
        if keep(text):
            matches.append(Match(line_no=idx, text=text.rstrip("\n")))
    logger.info("search on %s returned %d matches", service, len(matches))
    return SearchResult(service=service, scanned=len(recent), matches=matches[:500])
