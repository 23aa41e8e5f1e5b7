"""aiohttp service: search through archived CI job logs."""
import gzip
import logging
import os
import re
from typing import Iterator, Tuple

from aiohttp import web

log = logging.getLogger("logsearch")

LOG_ARCHIVE = os.environ.get("LOG_ARCHIVE", "/srv/ci/log-archive")
MAX_MATCHES = 200


class LogMatcher:
    def __init__(self, pattern: str, ignore_case: bool = False):
        flags = re.IGNORECASE if ignore_case else 0
        self.pattern = pattern
        self.regex = re.compile(pattern, flags)  # VULN flow

    def matches(self, lines: Iterator[str]) -> Iterator[Tuple[int, str]]:
        for lineno, line in enumerate(lines, 1):
            if self.regex.search(line):
                yield lineno, line.rstrip("\n")


def open_job_log(job_id: int):
    path = os.path.join(LOG_ARCHIVE, f"{job_id // 1000:04d}", f"{job_id}.log.gz")
    return gzip.open(path, "rt", encoding="utf-8", errors="replace")


async def search_log(request: web.Request) -> web.Response:
    job_id = int(request.match_info["job_id"])
    query = request.query.get("q", "")
    if not query:
        raise web.HTTPBadRequest(text="missing q")
    ignore_case = request.query.get("i") == "1"
    try:
        matcher = LogMatcher(query, ignore_case)
    except re.error as exc:
        raise web.HTTPBadRequest(text=f"invalid pattern: {exc}")
    results = []
    try:
        with open_job_log(job_id) as fh:
            for lineno, line in matcher.matches(fh):
                results.append({"line": lineno, "text": line})
                if len(results) >= MAX_MATCHES:
                    break
    except FileNotFoundError:
        raise web.HTTPNotFound()
    log.info("log search job=%d q=%r hits=%d", job_id, query, len(results))
    return web.json_response({"job": job_id, "matches": results, "truncated": len(results) >= MAX_MATCHES})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get(r"/jobs/{job_id:\d+}/log/search", search_log)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8095)
