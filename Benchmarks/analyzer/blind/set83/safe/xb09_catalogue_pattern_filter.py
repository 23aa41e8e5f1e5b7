"""Text filter over the compound catalogue (names, synonyms, SMILES) for the registry UI."""
import csv
import logging
import os
import re
from typing import Dict, List

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("catalogue.filter")
app = FastAPI(title="catalogue-filter")

CATALOGUE_CSV = os.environ.get("CATALOGUE_CSV", "/srv/registry/catalogue.csv")
SEARCHABLE_FIELDS = {"name", "synonyms", "smiles", "supplier_code"}
CATALOGUE: List[Dict[str, str]] = []


class Hit(BaseModel):
    reg_id: str
    name: str
    smiles: str
    matched_field: str


@app.on_event("startup")
def load_catalogue() -> None:
    with open(CATALOGUE_CSV, newline="", encoding="utf-8") as fh:
        CATALOGUE.extend(csv.DictReader(fh))
    log.info("loaded %d catalogue entries", len(CATALOGUE))


def compile_pattern(pattern: str, case_sensitive: bool):
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        return re.compile(re.escape(pattern), flags)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")


def scan(rx, field: str, limit: int) -> List[Hit]:
    hits = []
    for row in CATALOGUE:
        value = row.get(field) or ""
        if rx.search(value):
            hits.append(Hit(reg_id=row["reg_id"], name=row["name"],
                            smiles=row["smiles"], matched_field=field))
            if len(hits) >= limit:
                break
    return hits


@app.get("/catalogue/filter", response_model=List[Hit])
def filter_catalogue(
    pattern: str = Query(..., min_length=1, max_length=200),
    field: str = "name",
    case_sensitive: bool = False,
    limit: int = Query(100, ge=1, le=1000),
):
    if field not in SEARCHABLE_FIELDS:
        raise HTTPException(status_code=400, detail="unknown field")
    rx = compile_pattern(pattern, case_sensitive)
    return scan(rx, field, limit)
