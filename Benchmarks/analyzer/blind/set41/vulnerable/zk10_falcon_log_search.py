"""Falcon API exposing a grep-like search over recent application logs."""
import json
import logging
import os
import re
from collections import deque

import falcon

log = logging.getLogger("logsearch")

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/app")
SERVICES = {"api": "api.log", "worker": "worker.log", "billing": "billing.log"}
MAX_LINES = 20000
MAX_HITS = 500


def tail(path: str, limit: int = MAX_LINES):
    with open(path, "r", errors="replace") as fh:
        return deque(fh, maxlen=limit)


class SearchQuery:
    def __init__(self, req: falcon.Request):
        self.service = req.get_param("service", required=True)
        self.pattern = req.get_param("q", required=True)
        self.ignore_case = req.get_param_as_bool("i", default=False)
        self.limit = min(req.get_param_as_int("limit", default=100), MAX_HITS)

    def matcher(self):
        flags = re.IGNORECASE if self.ignore_case else 0
        return re.compile(self.pattern, flags)  # VULN flow


class LogSearchResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response):
        query = SearchQuery(req)
        filename = SERVICES.get(query.service)
        if filename is None:
            raise falcon.HTTPNotFound(description="unknown service")
        try:
            rx = query.matcher()
        except re.error as exc:
            raise falcon.HTTPBadRequest(description=f"invalid pattern: {exc}")

        hits = []
        for lineno, line in enumerate(tail(os.path.join(LOG_DIR, filename)), start=1):
            if rx.search(line):
                hits.append({"n": lineno, "line": line.rstrip("\n")})
                if len(hits) >= query.limit:
                    break
        resp.media = {"service": query.service, "count": len(hits), "hits": hits}


class HealthResource:
    def on_get(self, req, resp):
        resp.text = json.dumps({"status": "ok"})
        resp.content_type = falcon.MEDIA_JSON


app = falcon.App()
app.add_route("/logs/search", LogSearchResource())
app.add_route("/healthz", HealthResource())
