"""Job board search endpoint with keyword and title-pattern filters."""
import logging
import re

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .repository import JobRepository

logger = logging.getLogger(__name__)
repo = JobRepository.from_env()

KEYWORDS_RE = re.compile(r"^[\w+#. -]{1,200}$")
PAGE_SIZE = 50


def parse_filters(params):
    keywords = params.get("keywords", "").strip()[:200]
    title_pattern = params.get("title", "")[:80]
    remote = params.get("remote") == "1"
    return keywords, title_pattern, remote


def title_matcher(pattern):
    if not pattern:
        return lambda title: True
    compiled = re.compile(re.escape(pattern), re.IGNORECASE)
    return lambda title: compiled.search(title) is not None


async def search_jobs(request: Request) -> JSONResponse:
    keywords, title_pattern, remote = parse_filters(request.query_params)
    if keywords and not KEYWORDS_RE.match(keywords):
        return JSONResponse({"error": "keywords contain unsupported characters"}, status_code=400)
    try:
        matches = title_matcher(title_pattern)
    except re.error:
        return JSONResponse({"error": "invalid title filter"}, status_code=400)

    postings = await repo.search(keywords=keywords.split(), remote_only=remote, limit=500)
    results = [p.to_dict() for p in postings if matches(p.title)]
    logger.info("job search returned %d results for %r", len(results), keywords)
    return JSONResponse({"count": len(results), "results": results[:PAGE_SIZE]})


async def job_detail(request: Request) -> JSONResponse:
    posting = await repo.get(int(request.path_params["job_id"]))
    if posting is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(posting.to_dict())


app = Starlette(
    routes=[
        Route("/jobs/search", search_jobs, methods=["GET"]),
        Route("/jobs/{job_id:int}", job_detail, methods=["GET"]),
    ],
    on_startup=[repo.connect],
    on_shutdown=[repo.close],
)
