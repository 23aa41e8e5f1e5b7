"""Job search endpoint with 'advanced' title matching for power users."""
import logging
import re
from functools import lru_cache
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

from jobboard.repo import JobRepository

app = FastAPI()
log = logging.getLogger("search")
repo = JobRepository()

MAX_RESULTS = 100


class JobHit(BaseModel):
    id: int
    title: str
    company: str
    location: str


class TitleMatcher:
    """Wraps either a plain substring match or a whole-word match."""

    def __init__(self, expression: str, use_regex: bool, case_sensitive: bool):
        self.expression = expression
        self.use_regex = use_regex
        self.case_sensitive = case_sensitive
        self._pattern = compile_filter(expression, case_sensitive) if use_regex else None

    def matches(self, title: str) -> bool:
        if self._pattern is not None:
            return self._pattern.search(title) is not None
        if self.case_sensitive:
            return self.expression in title
        return self.expression.lower() in title.lower()


@lru_cache(maxsize=256)
def compile_filter(expression: str, case_sensitive: bool) -> "re.Pattern[str]":
    # Advanced mode matches the phrase on word boundaries; text is taken literally.
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"\b" + re.escape(expression) + r"\b", flags)


@app.get("/jobs/search", response_model=List[JobHit])
def search_jobs(
    title: str = Query(..., min_length=1, max_length=200),
    regex: bool = False,
    case_sensitive: bool = False,
    location: Optional[str] = None,
):
    try:
        matcher = TitleMatcher(title, regex, case_sensitive)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"invalid pattern: {exc}")

    hits = []
    for job in repo.open_jobs(location=location):
        if matcher.matches(job.title):
            hits.append(JobHit(id=job.id, title=job.title,
                               company=job.company_name, location=job.location))
            if len(hits) >= MAX_RESULTS:
                break
    return hits
