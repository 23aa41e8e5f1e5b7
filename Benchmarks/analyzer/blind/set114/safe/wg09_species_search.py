"""Collection search API behind the 'Find an animal' page and the keeper app."""
import json
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("species_search")
app = FastAPI(title="Collection search")

CATALOGUE = Path("/srv/zoo/data/collection.json")


class Species(BaseModel):
    common_name: str
    scientific_name: str
    zone: str
    iucn_status: str
    count: int


@lru_cache(maxsize=1)
def load_catalogue() -> list[Species]:
    with CATALOGUE.open() as fh:
        return [Species(**row) for row in json.load(fh)]


class Matcher:
    """Matches catalogue entries against a keeper-supplied search term."""

    def __init__(self, pattern: str, fields: tuple[str, ...]):
        self.fields = fields
        self.regex = re.compile(re.escape(pattern), re.IGNORECASE)

    def __call__(self, sp: Species) -> bool:
        return any(self.regex.search(getattr(sp, f)) for f in self.fields)


@app.get("/search", response_model=list[Species])
def search(
    q: str = Query(..., min_length=1, max_length=200),
    zone: Optional[str] = None,
    scientific: bool = False,
    limit: int = Query(25, le=200),
):
    fields = ("scientific_name",) if scientific else ("common_name", "scientific_name")
    try:
        matcher = Matcher(q, fields)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")
    hits = []
    for sp in load_catalogue():
        if zone and sp.zone != zone:
            continue
        if matcher(sp):
            hits.append(sp)
        if len(hits) >= limit:
            break
    log.debug("search %r returned %d hits", q, len(hits))
    return hits


@app.get("/zones")
def zones():
    return sorted({sp.zone for sp in load_catalogue()})
