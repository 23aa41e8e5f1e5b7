"""Lyrics search for the karaoke catalogue (Starlette app).

Searches are literal phrases; optional whole-word and case-sensitive modes.
"""
import logging
import re

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from karaoke.store import LyricsStore

log = logging.getLogger("karaoke.search")
store = LyricsStore("/srv/karaoke/lyrics.sqlite")
MAX_RESULTS = 25
MAX_TERM_LEN = 100


def build_matcher(term: str, whole_word: bool, case_sensitive: bool):
    literal = re.escape(term[:MAX_TERM_LEN])
    pattern = rf"\b(?:{literal})\b" if whole_word else literal
    flags = re.MULTILINE if case_sensitive else re.MULTILINE | re.IGNORECASE
    return re.compile(pattern, flags)


def snippet(text: str, m: "re.Match", width: int = 40) -> str:
    start = max(m.start() - width, 0)
    end = min(m.end() + width, len(text))
    return text[start:end].replace("\n", " / ")


async def search(request: Request) -> JSONResponse:
    params = request.query_params
    term = params.get("q", "").strip()
    if not term:
        return JSONResponse({"error": "q is required"}, status_code=400)
    try:
        matcher = build_matcher(term, params.get("word") == "1", params.get("case") == "1")
    except re.error:
        return JSONResponse({"error": "bad pattern"}, status_code=400)

    hits = []
    for song in store.iter_songs(language=params.get("lang", "en")):
        m = matcher.search(song.lyrics)
        if m:
            hits.append({
                "id": song.id,
                "title": song.title,
                "artist": song.artist,
                "snippet": snippet(song.lyrics, m),
            })
            if len(hits) >= MAX_RESULTS:
                break
    return JSONResponse({"q": term, "count": len(hits), "results": hits})


async def health(request: Request) -> JSONResponse:
    return JSONResponse({"songs": store.count()})


app = Starlette(routes=[Route("/search", search), Route("/health", health)])
