"""Terminology lookup for the localisation team (per-locale glossaries)."""
import os
import re
import sqlite3
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="glossary")

GLOSSARY_DB = os.environ.get("GLOSSARY_DB", "/var/lib/l10n/glossary.sqlite3")
SEARCH_MODES = ("contains", "prefix", "exact", "word")


class Term(BaseModel):
    source: str
    target: str
    locale: str
    note: Optional[str] = None


def load_terms(locale: str) -> List[Term]:
    with sqlite3.connect(GLOSSARY_DB) as conn:
        rows = conn.execute(
            "SELECT source, target, locale, note FROM glossary WHERE locale = ? ORDER BY source",
            (locale,),
        ).fetchall()
    return [Term(source=r[0], target=r[1], locale=r[2], note=r[3]) for r in rows]


def build_matcher(term: str, mode: str, case_sensitive: bool):
    flags = 0 if case_sensitive else re.IGNORECASE
    if mode == "word":
        pattern = r"\b" + re.escape(term) + r"\b"
    elif mode == "prefix":
        pattern = "^" + re.escape(term)
    elif mode == "exact":
        pattern = "^" + re.escape(term) + "$"
    else:
        pattern = re.escape(term)
    return re.compile(pattern, flags)


@app.get("/glossary/{locale}/search")
def search(
    locale: str,
    q: str = Query(..., min_length=1, max_length=200),
    mode: str = "contains",
    case_sensitive: bool = False,
    field: str = "source",
):
    if mode not in SEARCH_MODES:
        raise HTTPException(422, "unknown search mode")
    if field not in ("source", "target"):
        raise HTTPException(422, "field must be source or target")
    try:
        matcher = build_matcher(q, mode, case_sensitive)
    except re.error as exc:
        raise HTTPException(400, f"invalid pattern: {exc.msg}")
    hits = [t for t in load_terms(locale) if matcher.search(getattr(t, field))]
    return {"locale": locale, "count": len(hits), "results": hits[:200]}


@app.get("/glossary/{locale}/export")
def export(locale: str):
    return {"locale": locale, "terms": load_terms(locale)}
