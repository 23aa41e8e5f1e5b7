"""Search the licence-plate camera log at the wash entrance.

Attendants use this to find a vehicle when a customer disputes a charge and
only remembers part of their plate.
"""
import csv
import logging
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator, List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

CAMERA_LOG_DIR = Path("/var/log/lpr")
MAX_DAYS = 31

app = FastAPI(title="lpr-search")
log = logging.getLogger("lpr_search")


class Sighting(BaseModel):
    ts: str
    lane: str
    plate: str
    confidence: float


def iter_sightings(start: date, days: int) -> Iterator[dict]:
    for offset in range(days):
        day_file = CAMERA_LOG_DIR / f"{(start + timedelta(days=offset)).isoformat()}.csv"
        if not day_file.exists():
            continue
        with day_file.open(newline="") as fh:
            yield from csv.DictReader(fh)


class PlateMatcher:
    def __init__(self, pattern: str, ignore_case: bool = True):
        flags = re.IGNORECASE if ignore_case else 0
        self.regex = re.compile(pattern, flags)  # VULN flow

    def matches(self, plate: str) -> bool:
        return self.regex.search(plate) is not None


@app.get("/sightings", response_model=List[Sighting])
def sightings(
    pattern: str = Query(..., min_length=1, max_length=200),
    start: Optional[date] = None,
    days: int = Query(1, ge=1, le=MAX_DAYS),
    min_confidence: float = Query(0.5, ge=0.0, le=1.0),
):
    start = start or date.today()
    try:
        matcher = PlateMatcher(pattern)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")

    hits = []
    for row in iter_sightings(start, days):
        if float(row["confidence"]) < min_confidence:
            continue
        if matcher.matches(row["plate"]):
            hits.append(Sighting(**row))
    log.info("plate search %r returned %d rows", pattern, len(hits))
    return hits
