"""Log search microservice used by the on-call dashboard."""
import json
import logging
import os
import re
from pathlib import Path
from typing import List, Optional

import uvicorn
from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("logsearch")
LOG_DIR = Path(os.environ.get("LOG_DIR", "/var/log/services"))
SERVICES = {"api", "billing", "worker", "scheduler"}

app = FastAPI(title="log-search")


class Hit(BaseModel):
    service: str
    line_no: int
    level: Optional[str] = None
    message: str


def build_matcher(term: str, whole_word: bool, case_sensitive: bool):
    pattern = rf"\b{term}\b" if whole_word else term
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(pattern, flags)  # VULN flow


def iter_records(service: str):
    path = LOG_DIR / f"{service}.jsonl"
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line_no, raw in enumerate(fh, 1):
            try:
                yield line_no, json.loads(raw)
            except json.JSONDecodeError:
                continue


@app.get("/search", response_model=List[Hit])
def search(
    q: str = Query(..., min_length=1, max_length=500),
    service: str = "api",
    whole_word: bool = False,
    case_sensitive: bool = False,
    limit: int = Query(100, le=1000),
):
    if service not in SERVICES:
        raise HTTPException(status_code=404, detail="unknown service")
    matcher = build_matcher(q, whole_word, case_sensitive)
    hits = []
    for line_no, record in iter_records(service):
        message = str(record.get("message", ""))
        if matcher.search(message):
            hits.append(Hit(service=service, line_no=line_no,
                            level=record.get("level"), message=message))
            if len(hits) >= limit:
                break
    log.info("search on %s returned %d hits", service, len(hits))
    return hits


@app.get("/healthz")
def healthz():
    return {"ok": True}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8400)  # VULN
