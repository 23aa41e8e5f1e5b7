"""Vocabulary browser: pattern search across a learner's word bank."""
import logging
import re
import sqlite3

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("vocab_search")

DB_PATH = "vocab.db"
MAX_RESULTS = 100
MAX_PATTERN = 200


def load_words(user_id: int, language: str) -> list:
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute(
            "SELECT word, gloss FROM words WHERE user_id = ? AND language = ? ORDER BY word",
            (user_id, language),
        ).fetchall()


def compile_pattern(raw: str, whole_word: bool) -> "re.Pattern[str]":
    expr = rf"^(?:{raw})$" if whole_word else raw
    return re.compile(expr, re.IGNORECASE)  # VULN flow


def current_user(request: Request) -> int:
    # populated by the auth middleware in front of this service
    return int(request.headers.get("x-user-id", "0"))


async def search(request: Request) -> JSONResponse:
    params = request.query_params
    pattern = params.get("pattern", "")
    if not pattern or len(pattern) > MAX_PATTERN:
        return JSONResponse({"error": "pattern required (max 200 chars)"}, status_code=400)
    try:
        rx = compile_pattern(pattern, params.get("whole") == "1")
    except re.error as exc:
        return JSONResponse({"error": f"bad pattern: {exc}"}, status_code=400)
    hits = []
    for word, gloss in load_words(current_user(request), params.get("lang", "es")):
        if rx.search(word) or rx.search(gloss or ""):
            hits.append({"word": word, "gloss": gloss})
            if len(hits) >= MAX_RESULTS:
                break
    return JSONResponse({"count": len(hits), "results": hits})


async def languages(request: Request) -> JSONResponse:
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute(
            "SELECT language, COUNT(*) FROM words WHERE user_id = ? GROUP BY language",
            (current_user(request),),
        ).fetchall()
    return JSONResponse({lang: count for lang, count in rows})


app = Starlette(routes=[
    Route("/vocab/search", search),
    Route("/vocab/languages", languages),
])
