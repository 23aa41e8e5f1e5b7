"""Advanced search for the classifieds board: supports pattern matching on titles."""
import logging
import re
from typing import Iterable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("ads.search")

# In production this is a read replica snapshot loaded at startup.
ADS = [
    {"id": 1, "title": "Experienced cleaner available weekends", "city": "Leeds"},
    {"id": 2, "title": "Emergency plumber - no call-out fee", "city": "York"},
    {"id": 3, "title": "Garden clearance & hedge trimming", "city": "Leeds"},
]
MAX_RESULTS = 100


class AdMatcher:
    def __init__(self, pattern: str, case_sensitive: bool = False):
        self.pattern = pattern
        self.flags = 0 if case_sensitive else re.IGNORECASE
        self._compiled = None

    @property
    def regex(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)  # VULN flow
        return self._compiled

    def filter(self, ads: Iterable[dict]) -> list[dict]:
        return [ad for ad in ads if self.regex.search(ad["title"])]


async def search(request: Request) -> JSONResponse:
    params = request.query_params
    pattern = params.get("pattern", "").strip()
    if not pattern:
        return JSONResponse({"error": "pattern is required"}, status_code=400)
    city = params.get("city")
    candidates = [a for a in ADS if not city or a["city"].lower() == city.lower()]
    matcher = AdMatcher(pattern, case_sensitive=params.get("cs") == "1")
    try:
        hits = matcher.filter(candidates)
    except re.error as exc:
        return JSONResponse({"error": f"invalid pattern: {exc}"}, status_code=400)
    log.info("search matched %d ads", len(hits))
    return JSONResponse({"count": len(hits), "results": hits[:MAX_RESULTS]})


app = Starlette(routes=[Route("/ads/search", search)])
