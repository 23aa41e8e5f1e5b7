"""Small FastAPI service that lets operators search recent application logs."""
import os
import re
from collections import deque
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="log-search")
LOG_DIR = Path(os.environ.get("LOG_DIR", "/var/log/app"))
TAIL_LINES = 20000


class LogIndex:
    def __init__(self, path: Path, tail: int = TAIL_LINES):
        self.path = path
        self.tail = tail

    def recent_lines(self):
        with self.path.open("r", encoding="utf-8", errors="replace") as fh:
            return deque(fh, maxlen=self.tail)

    def build_matcher(self, needle: str, ignore_case: bool):
        flags = re.IGNORECASE if ignore_case else 0
        return re.compile(re.escape(needle), flags)

    def search(self, needle: str, limit: int, ignore_case: bool = True):
        matcher = self.build_matcher(needle, ignore_case)
        hits = []
        for number, line in enumerate(self.recent_lines(), start=1):
            if matcher.search(line):
                hits.append({"line": number, "text": line.rstrip("\n")})
                if len(hits) >= limit:
                    break
        return hits


INDEXES = {
    "api": LogIndex(LOG_DIR / "api.log"),
    "worker": LogIndex(LOG_DIR / "worker.log"),
    "scheduler": LogIndex(LOG_DIR / "scheduler.log"),
}


@app.get("/logs/{stream}/search")
def search_logs(
    stream: str,
    q: str = Query(..., min_length=1, max_length=200),
    limit: int = Query(100, ge=1, le=1000),
    ignore_case: bool = True,
):
    index = INDEXES.get(stream)
    if index is None:
        raise HTTPException(status_code=404, detail="unknown log stream")
    try:
        hits = index.search(q, limit, ignore_case)
    except re.error as exc:
        raise HTTPException(status_code=400, detail="invalid search expression") from exc
    except FileNotFoundError as exc:
        raise HTTPException(status_code=404, detail="log file not found") from exc
    return {"stream": stream, "count": len(hits), "hits": hits}
