"""Parts catalogue search API used by the counter staff and the trade portal.

Supports regular expressions in the search box, e.g. ``^0 986 4[0-9]{2}`` to
pull a range of brake pads.
"""
import csv
import logging
import re
from functools import lru_cache
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

CATALOG_CSV = "/srv/parts/catalog_export.csv"
SEARCHABLE_FIELDS = {"number", "description", "oem_ref", "brand"}

log = logging.getLogger("parts.search")
app = FastAPI(title="parts-search")


class Part(BaseModel):
    number: str
    brand: str
    description: str
    oem_ref: str
    price: float
    stock: int


@lru_cache(maxsize=1)
def load_catalog() -> List[Part]:
    with open(CATALOG_CSV, newline="", encoding="utf-8") as fh:
        return [
            Part(number=r["number"], brand=r["brand"], description=r["description"],
                 oem_ref=r.get("oem_ref", ""), price=float(r["price"]), stock=int(r["stock"]))
            for r in csv.DictReader(fh)
        ]


def build_matcher(pattern: str, ignore_case: bool = True):
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(pattern, flags)  # VULN flow


def search(pattern: str, field: str, in_stock_only: bool, limit: int) -> List[Part]:
    matcher = build_matcher(pattern)
    hits = []
    for part in load_catalog():
        if in_stock_only and part.stock <= 0:
            continue
        if matcher.search(getattr(part, field)):
            hits.append(part)
            if len(hits) >= limit:
                break
    return hits


@app.get("/parts/search", response_model=List[Part])
def search_parts(
    q: str = Query(..., min_length=1, max_length=200),
    field: str = "description",
    in_stock: bool = False,
    limit: int = Query(50, le=500),
    brand: Optional[str] = None,
):
    if field not in SEARCHABLE_FIELDS:
        raise HTTPException(status_code=400, detail="unknown field")
    try:
        results = search(q, field, in_stock, limit)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")
    if brand:
        results = [p for p in results if p.brand.lower() == brand.lower()]
    log.info("search field=%s hits=%d", field, len(results))
    return results
