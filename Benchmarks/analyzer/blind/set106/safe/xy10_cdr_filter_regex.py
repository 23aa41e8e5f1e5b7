"""Ad-hoc CDR grep service used by the fraud desk.

Analysts search today's decoded CDR text files for a calling/called number
pattern without shell access to the mediation servers.
"""
import asyncio
import logging
import os
import re
from pathlib import Path

from aiohttp import web

log = logging.getLogger("cdrgrep")
DECODED_DIR = Path(os.environ.get("DECODED_CDR_DIR", "/data/mediation/decoded/today"))
MAX_HITS = 500
_NUMBER_PREFIX = re.compile(r"^\+?[0-9]{3,15}\*?$")


def build_matcher(term: str):
    if not _NUMBER_PREFIX.match(term):
        raise web.HTTPBadRequest(text="number must be digits, optionally ending in *")
    literal = re.escape(term.rstrip("*"))
    return re.compile("^" + literal) if term.endswith("*") else re.compile("^" + literal + "$")


def scan_file(path: Path, matcher, limit: int):
    hits = []
    with path.open("r", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            fields = line.rstrip("\n").split("|")
            if len(fields) < 6:
                continue
            a_number, b_number = fields[2], fields[3]
            if matcher.search(a_number) or matcher.search(b_number):
                hits.append({"file": path.name, "line": lineno, "record": fields})
                if len(hits) >= limit:
                    break
    return hits


async def search(request: web.Request) -> web.Response:
    if "number" not in request.query:
        raise web.HTTPBadRequest(text="number is required")
    matcher = build_matcher(request.query["number"])
    files = sorted(DECODED_DIR.glob("*.txt"))
    loop = asyncio.get_running_loop()
    results = []
    for path in files:
        remaining = MAX_HITS - len(results)
        if remaining <= 0:
            break
        results.extend(await loop.run_in_executor(None, scan_file, path, matcher, remaining))
    log.info("cdr search by %r returned %d hits", request.remote, len(results))
    return web.json_response({"hits": results, "truncated": len(results) >= MAX_HITS})


async def health(_request):
    return web.json_response({"ok": True, "dir": str(DECODED_DIR)})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/cdr/search", search)
    app.router.add_get("/health", health)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8088)
