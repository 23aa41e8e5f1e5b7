"""Glossary lookup API for the terminology team."""
import json
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

GLOSSARY_DIR = Path("/srv/termbase/glossaries")
MAX_WILDCARDS = 2
log = logging.getLogger("glossary.search")
app = FastAPI(title="Glossary search")


class TermEntry(BaseModel):
    source: str
    target: str
    domain: Optional[str] = None
    note: Optional[str] = None
    forbidden: bool = False


@lru_cache(maxsize=64)
def load_glossary(glossary_id: int) -> tuple:
    path = GLOSSARY_DIR / f"{glossary_id}.json"
    if not path.exists():
        raise KeyError(glossary_id)
    with path.open(encoding="utf-8") as fh:
        return tuple(TermEntry(**e) for e in json.load(fh)["entries"])


def build_matcher(pattern: str, use_wildcards: bool, case_sensitive: bool):
    flags = 0 if case_sensitive else re.IGNORECASE
    expr = re.escape(pattern)
    if use_wildcards:
        if pattern.count("*") + pattern.count("?") > MAX_WILDCARDS:
            raise re.error("too many wildcards")
        expr = expr.replace(r"\*", r"\w*").replace(r"\?", r"\w")
    return re.compile(expr, flags)


def matches(entry: TermEntry, matcher, fields: list) -> bool:
    for field in fields:
        value = getattr(entry, field) or ""
        if matcher.search(value):
            return True
    return False


@app.get("/glossaries/{glossary_id}/search", response_model=list[TermEntry])
def search_glossary(
    glossary_id: int,
    q: str = Query(..., min_length=1, max_length=200),
    wildcards: bool = False,
    case_sensitive: bool = False,
    side: str = Query("both", pattern="^(source|target|both)$"),
    domain: Optional[str] = None,
):
    try:
        entries = load_glossary(glossary_id)
    except KeyError:
        raise HTTPException(status_code=404, detail="glossary not found")

    try:
        matcher = build_matcher(q, wildcards, case_sensitive)
    except re.error as exc:
        raise HTTPException(status_code=422, detail=f"bad pattern: {exc}")

    fields = ["source", "target"] if side == "both" else [side]
    hits = [
        e for e in entries
        if matches(e, matcher, fields) and (domain is None or e.domain == domain)
    ]
    log.info("glossary %d: %d hit(s) for %r", glossary_id, len(hits), q)
    return hits[:500]
