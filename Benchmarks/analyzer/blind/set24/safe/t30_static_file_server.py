#!/usr/bin/env python3
"""Tiny documentation server used in CI previews: serves a built docs directory."""
import argparse
import mimetypes
import os
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


class DocsHandler(BaseHTTPRequestHandler):
    server_version = "docs-preview/1.1"
    docs_root = "."

    def resolve(self, request_path):
        rel = unquote(urlsplit(request_path).path).lstrip("/")
        if not rel or rel.endswith("/"):
            rel += "index.html"
        root = os.path.realpath(self.docs_root)
        candidate = os.path.realpath(os.path.join(root, rel))
        if os.path.commonpath([root, candidate]) != root:
            return None
        return candidate

    def do_GET(self):
        path = self.resolve(self.path)
        if path is None or not os.path.isfile(path):
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as fh:
            body = fh.read()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", help="directory with the built HTML docs")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    DocsHandler.docs_root = os.path.abspath(args.root)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), DocsHandler)
    print(f"serving {DocsHandler.docs_root} on http://127.0.0.1:{args.port}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


if __name__ == "__main__":
    main()
