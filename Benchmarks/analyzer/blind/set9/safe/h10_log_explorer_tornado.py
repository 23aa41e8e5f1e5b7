"""Internal log explorer API for the SRE console (Tornado)."""
import hashlib
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web

logger = logging.getLogger("logexplorer")

LOG_FILES = {
    "app": "/var/log/webapp/app.log",
    "worker": "/var/log/webapp/worker.log",
    "nginx": "/var/log/nginx/access.log",
}
MAX_MATCHES = 200
MAX_SAMPLE_BYTES = 4 * 1024 * 1024


class SearchHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        term = self.get_argument("q")[:200]
        path = LOG_FILES.get(self.get_argument("file", "app"))
        if path is None:
            raise tornado.web.HTTPError(404)
        matcher = re.compile(re.escape(term), re.IGNORECASE)

        matches = []
        with open(path, encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                if matcher.search(line):
                    matches.append({"line": lineno, "text": line.rstrip("\n")})
                    if len(matches) >= MAX_MATCHES:
                        break
        body = json.dumps({"count": len(matches), "matches": matches})
        self.set_header("Content-Type", "application/json")
        self.set_header("ETag", '"%s"' % hashlib.sha1(body.encode(), usedforsecurity=False).hexdigest())
        self.write(body)


class LoadSampleHandler(tornado.web.RequestHandler):
    """Random payloads used by the edge-proxy load test suite."""

    def get(self) -> None:
        try:
            size = int(self.get_argument("bytes", "1024"))
        except ValueError:
            raise tornado.web.HTTPError(400, "bytes must be an integer")
        size = max(0, min(size, MAX_SAMPLE_BYTES))
        self.set_header("Content-Type", "application/octet-stream")
        self.write(os.urandom(size))


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/api/logs/search", SearchHandler),
            (r"/api/loadtest/sample", LoadSampleHandler),
        ]
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
