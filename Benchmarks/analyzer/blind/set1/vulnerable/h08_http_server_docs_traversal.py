import os
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import unquote, urlparse

DOCS_ROOT = "/var/www/docs"


class DocsHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        rel = unquote(urlparse(self.path).path).lstrip("/")
        full = os.path.join(DOCS_ROOT, rel)
        if not os.path.isfile(full):
            self.send_error(404)
            return
        with open(full, "rb") as fh:  # VULN flow
            body = fh.read()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8080), DocsHandler).serve_forever()
