"""Internal log search endpoint running on the log aggregation host."""
import gzip
import json
import os
import re

import tornado.ioloop
import tornado.web

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/aggregated")
SERVICES = {"api": "api.log", "worker": "worker.log", "gateway": "gateway.log.gz"}
MAX_RESULTS = 200
MAX_QUERY = 200


def build_matcher(expression, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(re.escape(expression[:MAX_QUERY]), flags)


def scan(path, matcher, limit):
    hits = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if matcher.search(line):
                hits.append({"line": lineno, "text": line.rstrip("\n")})
                if len(hits) >= limit:
                    break
    return hits


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        service = self.get_argument("service")
        if service not in SERVICES:
            raise tornado.web.HTTPError(400, reason="unknown service")
        query = self.get_argument("q")
        ignore_case = self.get_argument("i", "0") == "1"
        try:
            matcher = build_matcher(query, ignore_case)
        except re.error:
            raise tornado.web.HTTPError(400, reason="invalid pattern")
        path = os.path.join(LOG_DIR, SERVICES[service])
        hits = scan(path, matcher, MAX_RESULTS)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"service": service, "count": len(hits), "hits": hits}))


class ServicesHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"services": sorted(SERVICES)})


def make_app():
    return tornado.web.Application([
        (r"/search", SearchHandler),
        (r"/services", ServicesHandler),
    ])


if __name__ == "__main__":
    make_app().listen(8088, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
