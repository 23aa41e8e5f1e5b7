"""Minimal download server for nightly finance exports.

Runs next to the export job; analysts fetch files with
``/download?file=2024-05-ledger.csv`` through the SSO reverse proxy.
"""
import logging
import mimetypes
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

EXPORT_DIR = os.path.realpath(os.environ.get("EXPORT_DIR", "/var/exports/finance"))
LISTEN = ("127.0.0.1", int(os.environ.get("EXPORT_PORT", "8085")))
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("exports")


def resolve_export(name: str):
    """Return the absolute path of an export inside EXPORT_DIR, or None."""
    candidate = os.path.realpath(os.path.join(EXPORT_DIR, name))
    if os.path.commonpath([EXPORT_DIR, candidate]) != EXPORT_DIR:
        return None
    return candidate if os.path.isfile(candidate) else None


class ExportHandler(BaseHTTPRequestHandler):
    server_version = "exports/1.3"

    def do_GET(self):
        parsed = urlparse(self.path)
        if parsed.path != "/download":
            self.send_error(404)
            return
        params = parse_qs(parsed.query)
        name = params.get("file", [""])[0]
        full_path = resolve_export(name) if name else None
        if full_path is None:
            self.send_error(404)
            return
        download_as = SAFE_NAME.sub("_", params.get("as", [os.path.basename(full_path)])[0])[:100]
        with open(full_path, "rb") as fh:
            data = fh.read()
        ctype = mimetypes.guess_type(full_path)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Disposition", f'attachment; filename="{download_as}"')
        self.end_headers()
        self.wfile.write(data)
        log.info("served export to %s", self.client_address[0])


if __name__ == "__main__":
    ThreadingHTTPServer(LISTEN, ExportHandler).serve_forever()
