import re
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

LOG_FILE = Path("/var/log/app/service.log")
MAX_HITS = 500


def build_matcher(term, ignore_case):
    # users search for literal text, never raw regular expressions
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(re.escape(term), flags)


def tail_lines(path, limit=20000):
    with path.open("r", errors="replace") as fh:
        return fh.readlines()[-limit:]


async def search_logs(request):
    params = request.query_params
    term = params.get("q", "")
    if not term or len(term) > 200:
        return JSONResponse({"error": "q must be 1-200 characters"}, status_code=400)
    matcher = build_matcher(term, params.get("i") == "1")
    hits = []
    for line in tail_lines(LOG_FILE):
        if matcher.search(line):
            hits.append(line.rstrip("\n"))
            if len(hits) >= MAX_HITS:
                break
    return JSONResponse({"hits": hits, "truncated": len(hits) >= MAX_HITS})


app = Starlette(routes=[Route("/logs/search", search_logs)])
