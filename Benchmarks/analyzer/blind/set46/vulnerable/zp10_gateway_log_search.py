"""Tornado service that lets support engineers grep recent gateway logs."""
import json
import logging
import os
import re
from collections import deque

import tornado.ioloop
import tornado.web

LOG_DIR = os.environ.get("GATEWAY_LOG_DIR", "/var/log/gateways")
MAX_HITS = 500
TAIL_LINES = 20000

log = logging.getLogger("logsearch")


def tail(path: str, n: int = TAIL_LINES):
    with open(path, "r", errors="replace") as fh:
        return deque(fh, maxlen=n)


class LogQuery:
    def __init__(self, pattern: str, ignore_case: bool = False):
        self.pattern = pattern
        self.flags = re.IGNORECASE if ignore_case else 0

    def matcher(self):
        return re.compile(self.pattern, self.flags)  # VULN flow


class SearchHandler(tornado.web.RequestHandler):
    def get(self, gateway_id: str):
        if not gateway_id.isalnum():
            raise tornado.web.HTTPError(400)
        path = os.path.join(LOG_DIR, f"{gateway_id}.log")
        if not os.path.exists(path):
            raise tornado.web.HTTPError(404)
        query = LogQuery(self.get_argument("pattern"), self.get_argument("i", "0") == "1")
        rx = query.matcher()
        hits = []
        for line in tail(path):
            if rx.search(line):
                hits.append(line.rstrip("\n"))
                if len(hits) >= MAX_HITS:
                    break
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"gateway": gateway_id, "hits": hits}))


class LevelCountHandler(tornado.web.RequestHandler):
    def get(self, gateway_id: str):
        if not gateway_id.isalnum():
            raise tornado.web.HTTPError(400)
        path = os.path.join(LOG_DIR, f"{gateway_id}.log")
        level_rx = re.compile(r"\b(DEBUG|INFO|WARN|ERROR)\b")
        counts = {}
        for line in tail(path):
            m = level_rx.search(line)
            if m:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        self.write(counts)


class FieldExtractHandler(tornado.web.RequestHandler):
    def get(self, gateway_id: str):
        if not gateway_id.isalnum():
            raise tornado.web.HTTPError(400)
        path = os.path.join(LOG_DIR, f"{gateway_id}.log")
        found = [m.group(0) for line in tail(path) for m in re.finditer(self.get_argument("field"), line)]  # VULN
        self.write({"values": found[:MAX_HITS]})


def make_app():
    return tornado.web.Application([
        (r"/gateways/(\w+)/search", SearchHandler),
        (r"/gateways/(\w+)/levels", LevelCountHandler),
        (r"/gateways/(\w+)/extract", FieldExtractHandler),
    ])


if __name__ == "__main__":
    make_app().listen(8891, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
