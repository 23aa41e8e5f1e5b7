"""Search over the recent audit stream for the SOC console."""
import json
import logging
import os
import re
from datetime import datetime, timedelta, timezone
from typing import Iterator, List

from fastapi import Depends, FastAPI, HTTPException

from soc.auth import Analyst, require_analyst

log = logging.getLogger("soc.grep")
app = FastAPI(title="audit-grep")

SPOOL_DIR = os.environ.get("AUDIT_SPOOL_DIR", "/var/spool/audit")
SEARCHABLE = {"message", "actor", "action", "resource", "user_agent"}
MAX_HITS = 1000
MAX_TERM = 200


class LogFilter:
    def __init__(self, term: str, fields: List[str], case_sensitive: bool = False):
        flags = 0 if case_sensitive else re.IGNORECASE
        self.regex = re.compile(re.escape(term[:MAX_TERM]), flags)
        self.fields = fields or ["message"]

    def matches(self, record: dict) -> bool:
        return any(self.regex.search(str(record.get(f, ""))) for f in self.fields)


def iter_records(tenant_id: str, hours: int) -> Iterator[dict]:
    cutoff = datetime.now(timezone.utc) - timedelta(hours=hours)
    tenant_dir = os.path.join(SPOOL_DIR, tenant_id)
    for name in sorted(os.listdir(tenant_dir), reverse=True):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(tenant_dir, name), encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if datetime.fromisoformat(record["ts"]) >= cutoff:
                    yield record


@app.get("/v1/audit/grep")
def grep(
    q: str,
    fields: str = "message",
    case: bool = False,
    hours: int = 24,
    analyst: Analyst = Depends(require_analyst),
):
    wanted = [f for f in fields.split(",") if f in SEARCHABLE]
    try:
        flt = LogFilter(q, wanted, case)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")

    hits = []
    for record in iter_records(analyst.tenant_id, min(max(hours, 1), 168)):
        if flt.matches(record):
            hits.append(record)
            if len(hits) >= MAX_HITS:
                break
    log.info("grep by %r returned %d hits", analyst.email, len(hits))
    return {"hits": hits, "truncated": len(hits) >= MAX_HITS}
