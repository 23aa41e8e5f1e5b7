"""Small aiohttp service that lets support engineers grep recent app logs."""
import logging
import os
import re
from collections import deque
from pathlib import Path
from typing import Deque, List

from aiohttp import web

log = logging.getLogger("logsearch")

LOG_DIR = Path(os.environ.get("APP_LOG_DIR", "/var/log/app"))
TAIL_LINES = 50_000
MAX_MATCHES = 500
MAX_TERM = 200
SERVICES = {"api", "worker", "scheduler", "billing"}


def tail(path: Path, limit: int) -> Deque[str]:
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        return deque(fh, maxlen=limit)


class Matcher:
    def __init__(self, pattern: str, ignore_case: bool):
        flags = re.IGNORECASE if ignore_case else 0
        self.pattern = pattern
        self.regex = re.compile(re.escape(pattern), flags)

    def scan(self, lines: Deque[str]) -> List[str]:
        hits = []
        for line in lines:
            if self.regex.search(line):
                hits.append(line.rstrip("\n"))
                if len(hits) >= MAX_MATCHES:
                    break
        return hits


async def search(request: web.Request) -> web.Response:
    service = request.match_info["service"]
    if service not in SERVICES:
        raise web.HTTPNotFound()
    term = request.query.get("q", "")
    if not term or len(term) > MAX_TERM:
        raise web.HTTPBadRequest(text="q is required (max 200 chars)")
    try:
        matcher = Matcher(term, request.query.get("i") == "1")
    except re.error as exc:
        raise web.HTTPBadRequest(text=f"bad pattern: {exc}")

    logfile = LOG_DIR / f"{service}.log"
    if not logfile.exists():
        return web.json_response({"service": service, "matches": []})
    lines = tail(logfile, TAIL_LINES)
    matches = matcher.scan(lines)
    log.info("search on %s returned %d lines", service, len(matches))
    return web.json_response({"service": service, "matches": matches,
                              "truncated": len(matches) >= MAX_MATCHES})


def build_app() -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/logs/{service}/search", search)])
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(build_app(), host="127.0.0.1", port=8093)
