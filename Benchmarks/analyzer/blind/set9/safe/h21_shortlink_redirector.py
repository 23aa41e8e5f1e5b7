"""Short-link redirector for printed marketing material (standard library)."""
import json
import logging
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

logger = logging.getLogger("shortlinks")

LINKS_FILE = Path("/etc/shortlinks/links.json")
CLICKS: Counter = Counter()
_LOCK = threading.Lock()


def load_links(path: Path = LINKS_FILE) -> dict:
    with open(path, encoding="utf-8") as fh:
        return {str(k): str(v) for k, v in json.load(fh).items()}


class ShortlinkHandler(BaseHTTPRequestHandler):
    links: dict = {}
    server_version = "shortlinks/1.3"

    def do_GET(self) -> None:
        code = urlparse(self.path).path.strip("/")
        target = self.links.get(code)
        if target is None:
            self.send_error(404, "Unknown link")
            return
        with _LOCK:
            CLICKS[code] += 1
        self.send_response(301)
        self.send_header("Location", target)
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()

    def log_message(self, fmt: str, *args) -> None:
        return


def main(port: int = 8088) -> None:
    logging.basicConfig(level=logging.INFO)
    ShortlinkHandler.links = load_links()
    server = ThreadingHTTPServer(("127.0.0.1", port), ShortlinkHandler)
    logger.info("serving %d short links on 127.0.0.1:%d", len(ShortlinkHandler.links), port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


if __name__ == "__main__":
    main()
