"""Marketing click-tracking redirector built on the standard library."""
import logging
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

logger = logging.getLogger("redirector")

CLICKS: Counter = Counter()
_LOCK = threading.Lock()
DEFAULT_TARGET = "https://www.example.com/"


class RedirectHandler(BaseHTTPRequestHandler):
    server_version = "clicktrack/2.1"

    def _record(self, campaign: str) -> None:
        with _LOCK:
            CLICKS[campaign[:64]] += 1

    def do_GET(self) -> None:
        parsed = urlparse(self.path)
        if parsed.path == "/stats":
            self._stats()
            return
        if parsed.path != "/go":
            self.send_error(404)
            return

        params = parse_qs(parsed.query)
        target = params.get("to", [DEFAULT_TARGET])[0]
        campaign = params.get("c", ["direct"])[0]
        self._record(campaign)

        self.send_response(302)
        self.send_header("Location", target)  # VULN flow
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _stats(self) -> None:
        with _LOCK:
            body = "\n".join(f"{k}\t{v}" for k, v in CLICKS.most_common(50)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt: str, *args) -> None:
        return


def main(port: int = 8088) -> None:
    logging.basicConfig(level=logging.INFO)
    server = ThreadingHTTPServer(("", port), RedirectHandler)
    logger.info("redirector listening on :%d", port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


if __name__ == "__main__":
    main()
