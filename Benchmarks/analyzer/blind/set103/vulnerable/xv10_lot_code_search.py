"""Lot-code pattern search for the traceability console.

QA staff paste partial lot codes from photos of case labels; the console lets
them search with a pattern and narrow by packing facility.
"""
import os
import re
import sqlite3
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="traceability-console")
DB_PATH = os.environ.get("TRACE_DB", "/var/lib/trace/lots.db")
MAX_HITS = 500


class LotHit(BaseModel):
    lot_code: str
    product: str
    packed_on: str
    facility: str


def load_lots(facility: Optional[str]) -> list:
    conn = sqlite3.connect(DB_PATH)
    try:
        if facility:
            cur = conn.execute(
                "SELECT lot_code, product, packed_on, facility FROM lots WHERE facility = ?",
                (facility,),
            )
        else:
            cur = conn.execute("SELECT lot_code, product, packed_on, facility FROM lots")
        return cur.fetchall()
    finally:
        conn.close()


class LotMatcher:
    def __init__(self, pattern: str, ignore_case: bool = True):
        self.pattern = pattern.strip()
        flags = re.IGNORECASE if ignore_case else 0
        self.rx = re.compile(self.pattern, flags)  # VULN flow

    def matches(self, lot_code: str) -> bool:
        return self.rx.search(lot_code) is not None


@app.get("/lots/search", response_model=List[LotHit])
def search_lots(
    pattern: str = Query(..., min_length=2, max_length=200),
    facility: Optional[str] = None,
    ignore_case: bool = True,
):
    try:
        matcher = LotMatcher(pattern, ignore_case)
    except re.error:
        raise HTTPException(status_code=400, detail="invalid pattern")
    hits = []
    for lot_code, product, packed_on, fac in load_lots(facility):
        if matcher.matches(lot_code):
            hits.append(LotHit(lot_code=lot_code, product=product, packed_on=packed_on, facility=fac))
            if len(hits) >= MAX_HITS:
                break
    return hits
