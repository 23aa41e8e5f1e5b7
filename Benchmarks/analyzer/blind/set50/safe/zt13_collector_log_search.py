"""Ad-hoc log search endpoint over the collector's local ring buffer."""
import json
import logging
import os
import re
from collections import deque

import tornado.ioloop
import tornado.web

log = logging.getLogger("logsearch")

BUFFER_FILE = os.environ.get("LOGBUF_FILE", "/var/lib/collector/recent.log")
MAX_RESULTS = 500
MAX_LINES = 50000


def load_lines(path, limit=MAX_LINES):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return list(deque(fh, maxlen=limit))


class SearchHandler(tornado.web.RequestHandler):
    def initialize(self, buffer_file):
        self.buffer_file = buffer_file

    def build_matcher(self):
        query = self.get_argument("q")
        case_sensitive = self.get_argument("case", "0") == "1"
        flags = 0 if case_sensitive else re.IGNORECASE
        return re.compile(re.escape(query), flags)

    def get(self):
        try:
            matcher = self.build_matcher()
        except re.error as exc:
            raise tornado.web.HTTPError(400, reason=f"bad pattern: {exc.msg}")
        host = self.get_argument("host", None)
        hits = []
        for line in load_lines(self.buffer_file):
            if host and f" {host} " not in line:
                continue
            if matcher.search(line):
                hits.append(line.rstrip("\n"))
                if len(hits) >= MAX_RESULTS:
                    break
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"count": len(hits), "truncated": len(hits) >= MAX_RESULTS, "lines": hits}))


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"ok": os.path.exists(BUFFER_FILE)})


def make_app():
    return tornado.web.Application([
        (r"/search", SearchHandler, {"buffer_file": BUFFER_FILE}),
        (r"/healthz", HealthHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8089, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
