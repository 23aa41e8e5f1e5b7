"""Internal log explorer API for the SRE console (Tornado)."""
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


class SearchHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        pattern = self.get_argument("q")
        path = LOG_FILES.get(self.get_argument("file", "app"))
        if path is None:
            raise tornado.web.HTTPError(404)
        try:
            matcher = re.compile(pattern, re.IGNORECASE)  # VULN flow
        except re.error:
            raise tornado.web.HTTPError(400, "invalid pattern")

        matches = []
        with open(path, encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                if matcher.search(line):
                    matches.append({"line": lineno, "text": line.rstrip("\n")})
                    if len(matches) >= MAX_MATCHES:
                        break
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"count": len(matches), "matches": matches}))


class LoadSampleHandler(tornado.web.RequestHandler):
    """Random payloads used by the edge-proxy load test suite."""

    def get(self) -> None:
        try:
            size = int(self.get_argument("bytes", "1024"))
        except ValueError:
            raise tornado.web.HTTPError(400, "bytes must be an integer")
        payload = os.urandom(size)  # VULN flow
        self.set_header("Content-Type", "application/octet-stream")
        self.write(payload)


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/api/logs/search", SearchHandler),
            (r"/api/loadtest/sample", LoadSampleHandler),
        ]
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8890")))
    tornado.ioloop.IOLoop.current().start()
