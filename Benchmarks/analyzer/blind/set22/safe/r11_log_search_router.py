"""On-call tooling: grep recent service logs from the browser."""
import os
import re
from collections import deque

from fastapi import APIRouter, Depends, HTTPException, Query

from oncall.auth import require_oncall

router = APIRouter(prefix="/logs", tags=["logs"])

LOG_ROOT = os.environ.get("LOG_ROOT", "/var/log/services")
SERVICES = {"api": "api.log", "worker": "worker.log", "scheduler": "scheduler.log"}
TAIL_LINES = 20_000


class LogMatcher:
    """Literal substring matcher; the user text is escaped before compiling."""

    def __init__(self, pattern, case_sensitive=True):
        self.pattern = pattern
        self.flags = 0 if case_sensitive else re.IGNORECASE
        self._rx = None

    def compile(self):
        if self._rx is None:
            self._rx = re.compile(re.escape(self.pattern), self.flags)
        return self._rx

    def matches(self, line):
        return self.compile().search(line) is not None


def tail(path, n=TAIL_LINES):
    with open(path, "r", encoding="utf-8", errors="replace") as fh:
        return deque(fh, maxlen=n)


@router.get("/{service}/search")
def search_logs(
    service: str,
    q: str = Query(..., min_length=2, max_length=200),
    ignore_case: bool = Query(True),
    limit: int = Query(200, ge=1, le=2000),
    user=Depends(require_oncall),
):
    filename = SERVICES.get(service)
    if filename is None:
        raise HTTPException(status_code=404, detail="unknown service")
    matcher = LogMatcher(q, case_sensitive=not ignore_case)
    hits = []
    for line in tail(os.path.join(LOG_ROOT, filename)):
        if matcher.matches(line):
            hits.append(line.rstrip("\n"))
            if len(hits) >= limit:
                break
    return {"service": service, "query": q, "count": len(hits), "lines": hits}
