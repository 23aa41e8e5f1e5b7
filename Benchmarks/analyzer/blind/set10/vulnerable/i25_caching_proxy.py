import hashlib
import os
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

CACHE = {}
TTL = 120
LOCK = threading.Lock()
MAX_BODY = 5 * 1024 * 1024


def cached_fetch(url):
    now = time.time()
    with LOCK:
        hit = CACHE.get(url)
    if hit and now - hit[0] < TTL:
        return hit[1], hit[2], True
    with urllib.request.urlopen(url, timeout=10) as upstream:  # VULN flow
        body = upstream.read(MAX_BODY)
        ctype = upstream.headers.get("Content-Type", "application/octet-stream")
    with LOCK:
        CACHE[url] = (now, body, ctype)
    return body, ctype, False


class ProxyHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        params = parse_qs(urlparse(self.path).query)
        url = params.get("url", [""])[0]
        if not url:
            self.send_error(400, "url required")
            return
        tag = params.get("tag", [hashlib.sha256(url.encode()).hexdigest()[:12]])[0]
        try:
            body, ctype, hit = cached_fetch(url)
        except Exception:
            self.send_error(502)
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("X-Cache", "HIT" if hit else "MISS")
        self.send_header("X-Cache-Tag", tag)  # VULN flow
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    host = os.environ.get("PROXY_HOST", "127.0.0.1")
    ThreadingHTTPServer((host, 8899), ProxyHandler).serve_forever()
