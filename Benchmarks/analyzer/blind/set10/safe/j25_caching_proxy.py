import hashlib
import re
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

UPSTREAM = "https://api.example.com"
PATH_RE = re.compile(r"^/v1/[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+){0,4}$")
CACHE = {}
TTL = 120
LOCK = threading.Lock()
MAX_BODY = 5 * 1024 * 1024


def cached_fetch(path):
    now = time.time()
    with LOCK:
        hit = CACHE.get(path)
    if hit and now - hit[0] < TTL:
        return hit[1], True
    with urllib.request.urlopen(UPSTREAM + path, timeout=10) as upstream:
        body = upstream.read(MAX_BODY)
    with LOCK:
        CACHE[path] = (now, body)
    return body, False


class ProxyHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        params = parse_qs(urlparse(self.path).query)
        path = params.get("path", [""])[0]
        if not PATH_RE.fullmatch(path):
            self.send_error(400, "invalid path")
            return
        tag = hashlib.sha256(path.encode()).hexdigest()[:12]
        try:
            body, hit = cached_fetch(path)
        except Exception:
            self.send_error(502)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Cache", "HIT" if hit else "MISS")
        self.send_header("X-Cache-Tag", tag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", 8899), ProxyHandler).serve_forever()
