"""Operator endpoint for searching recent service logs."""
import re
from collections import deque
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query

from .auth import require_operator

router = APIRouter(prefix="/ops/logs", dependencies=[Depends(require_operator)])

LOG_DIR = Path("/var/log/services")
SERVICES = {"api", "worker", "scheduler", "gateway"}
MAX_LINES = 200


def valid_service(service: str = Query(...)) -> Path:
    if service not in SERVICES:
        raise HTTPException(status_code=404, detail="unknown service")
    return LOG_DIR / f"{service}.log"


def build_matcher(pattern: str, ignore_case: bool):
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(re.escape(pattern), flags)


def tail_matches(path: Path, matcher, limit: int):
    hits = deque(maxlen=limit)
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, start=1):
            if matcher.search(line):
                hits.append({"line": number, "text": line.rstrip("\n")})
    return list(hits)


@router.get("/search")
def search(
    pattern: str = Query(..., min_length=1, max_length=200),
    ignore_case: bool = False,
    limit: int = Query(50, ge=1, le=MAX_LINES),
    log_path: Path = Depends(valid_service),
):
    try:
        matcher = build_matcher(pattern, ignore_case)
    except re.error:
        raise HTTPException(status_code=400, detail="invalid pattern")
    if not log_path.exists():
        return {"service": log_path.stem, "matches": []}
    return {"service": log_path.stem, "matches": tail_matches(log_path, matcher, limit)}


@router.get("/services")
def services():
    return {
        "services": [
            {"name": name, "available": (LOG_DIR / f"{name}.log").exists()}
            for name in sorted(SERVICES)
        ]
    }
