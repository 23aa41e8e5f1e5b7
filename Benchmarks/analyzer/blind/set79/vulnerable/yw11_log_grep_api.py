"""Falcon service that lets tier-1 analysts grep the last hour of collected logs
without shell access to the collector."""
import os
import re
from collections import deque

import falcon

LOG_DIR = os.environ.get("COLLECTOR_LOG_DIR", "/var/log/collector")
SOURCES = {
    "auth": "auth.log",
    "proxy": "squid-access.log",
    "dns": "dns-queries.log",
    "vpn": "openvpn.log",
}
MAX_LINES = 500


class LogSearchResource:
    def __init__(self, log_dir: str):
        self.log_dir = log_dir

    def _compile(self, pattern: str, ignore_case: bool):
        flags = re.IGNORECASE if ignore_case else 0
        try:
            return re.compile(pattern, flags)  # VULN flow
        except re.error as exc:
            raise falcon.HTTPBadRequest(title="bad pattern", description=str(exc))

    def _tail(self, source: str, window: int) -> deque:
        path = os.path.join(self.log_dir, SOURCES[source])
        with open(path, encoding="utf-8", errors="replace") as fh:
            return deque(fh, maxlen=window)

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        pattern = req.get_param("pattern", required=True)
        source = req.get_param("source", default="auth")
        if source not in SOURCES:
            raise falcon.HTTPBadRequest(title="unknown source", description=f"choose one of {sorted(SOURCES)}")
        window = req.get_param_as_int("window", default=20000, min_value=1, max_value=200000)
        matcher = self._compile(pattern, req.get_param_as_bool("i", default=False))

        hits = []
        for line in self._tail(source, window):
            if matcher.search(line):
                hits.append(line.rstrip("\n"))
                if len(hits) >= MAX_LINES:
                    break
        resp.media = {"source": source, "scanned": window, "matches": hits, "truncated": len(hits) >= MAX_LINES}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True, "sources": sorted(SOURCES)}


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/search", LogSearchResource(LOG_DIR))
    app.add_route("/health", HealthResource())
    return app


app = create_app()
