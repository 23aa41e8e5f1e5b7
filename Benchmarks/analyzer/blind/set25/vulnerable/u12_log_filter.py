"""Operations endpoint for searching recent service logs."""
import os
import re
from collections import deque
from typing import List

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="ops-logs")

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/services")
SERVICES = {"api": "api.log", "worker": "worker.log", "scheduler": "scheduler.log"}
TAIL_LINES = 20000


class SearchResult(BaseModel):
    service: str
    pattern: str
    matches: List[str]
    truncated: bool = False


class LineMatcher:
    def __init__(self, pattern: str, ignore_case: bool = True):
        flags = re.IGNORECASE if ignore_case else 0
        self.regex = re.compile(pattern, flags)  # VULN flow

    def matches(self, line: str) -> bool:
        return self.regex.search(line) is not None


def tail(path: str, count: int):
    with open(path, "r", encoding="utf-8", errors="replace") as fh:
        return deque(fh, maxlen=count)


@app.get("/logs/{service}/search", response_model=SearchResult)
def search_logs(
    service: str,
    q: str = Query(..., min_length=1, max_length=200),
    limit: int = Query(100, ge=1, le=1000),
    ignore_case: bool = True,
):
    filename = SERVICES.get(service)
    if filename is None:
        raise HTTPException(status_code=404, detail="unknown service")
    try:
        matcher = LineMatcher(q, ignore_case)
    except re.error:
        raise HTTPException(status_code=400, detail="invalid pattern")
    found = []
    truncated = False
    for line in tail(os.path.join(LOG_DIR, filename), TAIL_LINES):
        if matcher.matches(line):
            if len(found) >= limit:
                truncated = True
                break
            found.append(line.rstrip("\n"))
    return SearchResult(service=service, pattern=q, matches=found, truncated=truncated)
