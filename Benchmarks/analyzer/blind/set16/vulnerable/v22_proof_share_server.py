#!/usr/bin/env python3
"""Tiny file share for the print shop: customers fetch their proofs by link."""
import logging
import mimetypes
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger("proof-share")
SHARE_ROOT = os.environ.get("PROOF_ROOT", "/srv/proofs")
LISTEN = (os.environ.get("PROOF_HOST", "127.0.0.1"), int(os.environ.get("PROOF_PORT", "8088")))


def resolve(job, filename):
    candidate = os.path.join(SHARE_ROOT, job, filename)
    if not candidate.startswith(SHARE_ROOT):
        return None
    return candidate


class ProofHandler(BaseHTTPRequestHandler):
    server_version = "ProofShare/0.4"

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path != "/proof":
            self.send_error(404)
            return
        params = parse_qs(parts.query)
        job = params.get("job", [""])[0]
        filename = params.get("file", [""])[0]
        log.info("proof request job=%s file=%s from %s", job, filename, self.client_address[0])  # VULN flow
        path = resolve(job, filename)
        if path is None or not os.path.isfile(path):
            self.send_error(404)
            return
        ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as fh:  # VULN flow
            data = fh.read()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "private, max-age=300")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        log.debug("%s - %r", self.address_string(), fmt % args)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    httpd = ThreadingHTTPServer(LISTEN, ProofHandler)
    log.info("serving %s on %s:%d", SHARE_ROOT, *LISTEN)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()
