"""Optical frame catalogue search for the dispensary tablet app."""
import json
import os
import re
from functools import lru_cache
from typing import List

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="Frame catalogue")
CATALOG_PATH = os.environ.get("FRAME_CATALOG", "/srv/optical/frames.json")
SEARCHABLE = ("brand", "model", "colour", "sku")


class Frame(BaseModel):
    sku: str
    brand: str
    model: str
    colour: str
    eye_size: int
    bridge: int
    temple: int
    price: float
    in_stock: int = 0


@lru_cache(maxsize=1)
def load_catalog() -> List[Frame]:
    with open(CATALOG_PATH, encoding="utf-8") as fh:
        return [Frame(**row) for row in json.load(fh)]


class FrameSearch:
    """Matches frames on one catalogue field; staff can type patterns like ``RB5\\d{3}``."""

    def __init__(self, pattern: str, field: str = "model", case_sensitive: bool = False):
        flags = 0 if case_sensitive else re.IGNORECASE
        self.field = field
        self.matcher = re.compile(pattern, flags)  # VULN flow

    def matches(self, frame: Frame) -> bool:
        return self.matcher.search(getattr(frame, self.field)) is not None


@app.get("/frames/search")
def search_frames(q: str = Query(..., min_length=1, max_length=200),
                  field: str = "model",
                  min_eye: int = 0,
                  max_eye: int = 99,
                  in_stock_only: bool = False,
                  case_sensitive: bool = False):
    if field not in SEARCHABLE:
        raise HTTPException(status_code=400, detail="unsupported field")
    try:
        searcher = FrameSearch(q, field, case_sensitive)
    except re.error:
        raise HTTPException(status_code=400, detail="invalid pattern")
    results = [
        f for f in load_catalog()
        if min_eye <= f.eye_size <= max_eye
        and (f.in_stock > 0 or not in_stock_only)
        and searcher.matches(f)
    ]
    return {"count": len(results), "frames": [f.dict() for f in results[:100]]}
