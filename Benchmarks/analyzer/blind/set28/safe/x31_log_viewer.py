"""Minimal log viewer served to the on-call dashboard."""
import json
import logging
import os
from collections import deque
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

logger = logging.getLogger("logviewer")

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/app")
DEFAULT_LINES = 200
MAX_LINES = 2000


def log_path(name: str) -> str | None:
    base = os.path.realpath(LOG_DIR)
    candidate = os.path.realpath(os.path.join(base, name))
    if not candidate.startswith(base + os.sep):
        return None
    return candidate


def tail(path: str, lines: int) -> list[str]:
    with open(path, encoding="utf-8", errors="replace") as fh:
        return [line.rstrip("\n") for line in deque(fh, maxlen=lines)]


def available_logs() -> list[str]:
    return sorted(
        entry.name for entry in os.scandir(LOG_DIR) if entry.is_file() and entry.name.endswith(".log")
    )


class LogViewerHandler(BaseHTTPRequestHandler):
    server_version = "logviewer/1.2"

    def _send_json(self, status: HTTPStatus, payload: dict) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/logs":
            self._send_json(HTTPStatus.OK, {"files": available_logs()})
            return
        if url.path != "/logs/tail":
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})
            return
        params = parse_qs(url.query)
        name = params.get("file", ["app.log"])[0]
        try:
            lines = max(1, min(int(params.get("lines", [DEFAULT_LINES])[0]), MAX_LINES))
        except ValueError:
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": "lines must be an integer"})
            return
        path = log_path(name)
        if path is None or not os.path.isfile(path):
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "unknown log file"})
            return
        self._send_json(HTTPStatus.OK, {"file": name, "lines": tail(path, lines)})

    def log_message(self, format: str, *args) -> None:
        logger.info("%s %r", self.address_string(), format % args)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    port = int(os.environ.get("LOGVIEWER_PORT", "8099"))
    server = ThreadingHTTPServer(("127.0.0.1", port), LogViewerHandler)
    logger.info("serving %s on 127.0.0.1:%d", LOG_DIR, port)
    server.serve_forever()


if __name__ == "__main__":
    main()
