"""Docs-site helper API: newsletter signup and in-page full-text search."""
import logging
import os
import re
import sqlite3
from pathlib import Path
from typing import List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
log = logging.getLogger("docs-helper")
DOCS_ROOT = Path(os.environ.get("DOCS_ROOT", "/srv/docs/build/text"))
SIGNUP_DB = os.environ.get("SIGNUP_DB", "/srv/docs/signups.db")
_pages = {}


class Signup(BaseModel):
    email: str
    lists: List[str] = []


class SearchRequest(BaseModel):
    pattern: str
    max_hits: int = 20


def load_pages():
    if not _pages:
        for path in DOCS_ROOT.glob("**/*.txt"):
            _pages[str(path.relative_to(DOCS_ROOT))] = path.read_text(errors="replace")
    return _pages


def valid_email(address):
    return re.match(r"^([a-zA-Z0-9]+[._-]?)*[a-zA-Z0-9]+@([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$", address) is not None  # VULN flow


def find_matches(pattern, limit):
    hits = []
    for page, text in load_pages().items():
        for m in re.finditer(pattern, text, re.IGNORECASE):  # VULN flow
            start = max(m.start() - 40, 0)
            hits.append({"page": page, "snippet": text[start:m.end() + 40]})
            if len(hits) >= limit:
                return hits
    return hits


@app.post("/signup")
def signup(req: Signup):
    email = req.email.strip()
    if not valid_email(email):
        raise HTTPException(status_code=422, detail="invalid email address")
    with sqlite3.connect(SIGNUP_DB) as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO signups (email, list_name) VALUES (?, ?)",
            [(email.lower(), name) for name in (req.lists or ["announce"])],
        )
    return {"status": "subscribed"}


@app.post("/search")
def search(req: SearchRequest):
    if not req.pattern or len(req.pattern) > 200:
        raise HTTPException(status_code=400, detail="pattern must be 1-200 characters")
    try:
        hits = find_matches(req.pattern, min(req.max_hits, 100))
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")
    log.info("search returned %d hits", len(hits))
    return {"hits": hits}
