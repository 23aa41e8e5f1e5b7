"""Search the clause library for matching language across executed contracts."""
import json
import logging
import os
import re
from typing import List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("clauses.search")

CLAUSE_FILE = os.environ.get("CLAUSE_LIBRARY", "/srv/legal/clauses.json")
MAX_RESULTS = 100
MAX_TERM_LENGTH = 200


class ClauseIndex:
    def __init__(self, clauses: List[dict]):
        self.clauses = clauses

    @classmethod
    def from_file(cls, path: str) -> "ClauseIndex":
        if not os.path.exists(path):
            return cls([])
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

    def search(self, pattern: str, case_sensitive: bool = False) -> List[dict]:
        flags = 0 if case_sensitive else re.IGNORECASE
        matcher = re.compile(re.escape(pattern), flags)
        hits = []
        for clause in self.clauses:
            match = matcher.search(clause["text"])
            if match:
                start = max(match.start() - 60, 0)
                hits.append({
                    "contract_id": clause["contract_id"],
                    "section": clause.get("section"),
                    "excerpt": clause["text"][start:match.end() + 60],
                })
                if len(hits) >= MAX_RESULTS:
                    break
        return hits


INDEX = ClauseIndex.from_file(CLAUSE_FILE)


async def search_clauses(request: Request) -> JSONResponse:
    term = request.query_params.get("q", "").strip()
    if not term or len(term) > MAX_TERM_LENGTH:
        return JSONResponse({"error": "q is required (max 200 chars)"}, status_code=400)
    case_sensitive = request.query_params.get("case") == "1"
    try:
        hits = INDEX.search(term, case_sensitive)
    except re.error as exc:
        return JSONResponse({"error": f"bad pattern: {exc}"}, status_code=400)
    log.info("clause search %r -> %d hits", term, len(hits))
    return JSONResponse({"count": len(hits), "results": hits})


app = Starlette(routes=[Route("/clauses/search", search_clauses)])
