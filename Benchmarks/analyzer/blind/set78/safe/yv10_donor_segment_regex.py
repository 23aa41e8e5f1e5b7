"""Segment builder preview for the email team.

Lets staff and chapter volunteers preview which donors a pattern would match
before saving it as a mailing segment.
"""
import logging
import re
import sqlite3
from typing import List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="segment-preview")
log = logging.getLogger("crm.segments")
DB_PATH = "/var/lib/crm/donors.db"
FIELDS = {"email", "city", "employer", "last_name"}


class SegmentPreview(BaseModel):
    field: str = "email"
    pattern: str = Field(..., min_length=1, max_length=500)
    limit: int = Field(50, ge=1, le=500)


class SegmentResult(BaseModel):
    matched: int
    sample: List[dict]


def load_donors(field: str) -> list:
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(
            f"SELECT id, first_name, last_name, {field} AS value FROM donors WHERE opted_in = 1"
        ).fetchall()
    return [dict(r) for r in rows]


def compile_matcher(pattern: str):
    return re.compile(re.escape(pattern), re.IGNORECASE)


@app.post("/segments/preview", response_model=SegmentResult)
def preview(req: SegmentPreview):
    if req.field not in FIELDS:
        raise HTTPException(status_code=400, detail="unsupported field")
    try:
        matcher = compile_matcher(req.pattern)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")

    donors = load_donors(req.field)
    hits = [d for d in donors if d["value"] and matcher.search(d["value"])]
    log.info("segment preview on %s matched %d of %d", req.field, len(hits), len(donors))
    return SegmentResult(matched=len(hits), sample=hits[: req.limit])
