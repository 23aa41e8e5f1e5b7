"""Minimal download server for nightly finance exports.

Runs next to the export job; analysts fetch files with
``/download?file=2024-05-ledger.csv``.
"""
import logging
import mimetypes
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/exports/finance")
LISTEN = (os.environ.get("EXPORT_HOST", "127.0.0.1"), int(os.environ.get("EXPORT_PORT", "8085")))

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("exports")


class ExportHandler(BaseHTTPRequestHandler):
    server_version = "exports/1.2"

    def do_GET(self):
        parsed = urlparse(self.path)
        if parsed.path != "/download":
            self.send_error(404)
            return
        params = parse_qs(parsed.query)
        name = params.get("file", [""])[0]
        if not name:
            self.send_error(400, "file parameter required")
            return
        download_as = params.get("as", [os.path.basename(name)])[0]
        full_path = os.path.join(EXPORT_DIR, name)
        try:
            fh = open(full_path, "rb")  # VULN flow
        except OSError:
            self.send_error(404)
            return
        with fh:
            data = fh.read()
        ctype = mimetypes.guess_type(full_path)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Disposition", f'attachment; filename="{download_as}"')  # VULN flow
        self.end_headers()
        self.wfile.write(data)
        log.info("served export to %s", self.client_address[0])


if __name__ == "__main__":
    ThreadingHTTPServer(LISTEN, ExportHandler).serve_forever()
