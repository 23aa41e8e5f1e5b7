#!/usr/bin/env python3
"""Serve a Sphinx/MkDocs build directory for reviewers during docs PRs.

    docs-preview --build-dir _build/html --port 8008
"""
import argparse
import logging
import mimetypes
import os
import posixpath
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

log = logging.getLogger("docs-preview")


class PreviewConfig:
    build_dir = "_build/html"
    index = "index.html"


def resolve_request_path(raw_path: str) -> str:
    path = unquote(urlsplit(raw_path).path)
    if path.endswith("/"):
        path += PreviewConfig.index
    return os.path.join(PreviewConfig.build_dir, path.lstrip("/"))


class PreviewHandler(BaseHTTPRequestHandler):
    server_version = "DocsPreview/0.3"

    def do_GET(self):
        fs_path = resolve_request_path(self.path)
        if os.path.isdir(fs_path):
            fs_path = os.path.join(fs_path, PreviewConfig.index)
        try:
            with open(fs_path, "rb") as fh:  # VULN flow
                body = fh.read()
        except FileNotFoundError:
            self.send_error(404, "Not found")
            return
        except OSError:
            self.send_error(403, "Forbidden")
            return
        ctype = mimetypes.guess_type(posixpath.basename(fs_path))[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        log.info("%s %s", self.address_string(), fmt % args)


def main(argv=None):
    ap = argparse.ArgumentParser(description="docs preview server")
    ap.add_argument("--build-dir", default=PreviewConfig.build_dir)
    ap.add_argument("--port", type=int, default=8008)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    PreviewConfig.build_dir = os.path.abspath(args.build_dir)
    if not os.path.isdir(PreviewConfig.build_dir):
        raise SystemExit(f"build dir {PreviewConfig.build_dir} does not exist; run `make html` first")
    server = ThreadingHTTPServer(("0.0.0.0", args.port), PreviewHandler)  # VULN
    log.info("serving %s on port %d", PreviewConfig.build_dir, args.port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
