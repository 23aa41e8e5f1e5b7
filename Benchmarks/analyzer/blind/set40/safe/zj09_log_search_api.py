"""Ops console backend: grep through recent service logs from the browser."""
import collections
import json
import logging
import os
import re

import falcon

log = logging.getLogger("logsearch")

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/acme")
SERVICES = {"api": "api.log", "billing": "billing.log", "worker": "worker.log"}
MAX_LINES = 50_000
MAX_HITS = 500
MAX_PATTERN = 200


def tail_lines(path, limit=MAX_LINES):
    with open(path, "r", encoding="utf-8", errors="replace") as fh:
        return collections.deque(fh, maxlen=limit)


class SearchOptions:
    def __init__(self, req):
        self.service = req.get_param("service", required=True)
        self.pattern = req.get_param("pattern", required=True)[:MAX_PATTERN]
        self.ignore_case = req.get_param_as_bool("i", default=False)
        self.context = req.get_param_as_int("context", default=0, min_value=0, max_value=5)

    def flags(self):
        return re.IGNORECASE if self.ignore_case else 0


class LogSearchResource:
    def on_get(self, req, resp):
        opts = SearchOptions(req)
        filename = SERVICES.get(opts.service)
        if filename is None:
            raise falcon.HTTPBadRequest(title="unknown service")

        matcher = re.compile(re.escape(opts.pattern), opts.flags())
        lines = list(tail_lines(os.path.join(LOG_DIR, filename)))
        hits = []
        for idx, line in enumerate(lines):
            if matcher.search(line):
                lo, hi = max(0, idx - opts.context), idx + opts.context + 1
                hits.append({"line": idx, "text": [l.rstrip("\n") for l in lines[lo:hi]]})
                if len(hits) >= MAX_HITS:
                    break
        resp.text = json.dumps({"service": opts.service, "hits": hits})
        resp.content_type = falcon.MEDIA_JSON


class ServicesResource:
    def on_get(self, req, resp):
        resp.media = sorted(SERVICES)


app = falcon.App()
app.add_route("/ops/logs/search", LogSearchResource())
app.add_route("/ops/logs/services", ServicesResource())
