"""Serve versioned product documentation with Tornado."""
import logging
import mimetypes
import os

import tornado.ioloop
import tornado.web

logger = logging.getLogger("docs")

DOCS_ROOT = os.environ.get("DOCS_ROOT", "/srv/docs")


class VersionListHandler(tornado.web.RequestHandler):
    def initialize(self, root):
        self.root = root

    def get(self):
        versions = sorted(
            entry
            for entry in os.listdir(self.root)
            if os.path.isdir(os.path.join(self.root, entry))
        )
        self.write({"versions": versions})


class DocsPageHandler(tornado.web.RequestHandler):
    def initialize(self, root):
        self.root = os.path.realpath(root)

    def resolve(self, version, page):
        page = page or "index.html"
        candidate = os.path.realpath(os.path.join(self.root, version, page))
        if not candidate.startswith(self.root + os.sep):
            raise tornado.web.HTTPError(404)
        return candidate

    async def get(self, version, page):
        path = self.resolve(version, page)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        content_type, _ = mimetypes.guess_type(path)
        self.set_header("Content-Type", content_type or "application/octet-stream")
        self.set_header("Cache-Control", "public, max-age=300")
        with open(path, "rb") as fh:
            self.write(fh.read())

    def write_error(self, status_code, **kwargs):
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code}: {self._reason}\n")


def make_app(root=DOCS_ROOT):
    return tornado.web.Application(
        [
            (r"/docs/?", VersionListHandler, {"root": root}),
            (r"/docs/([A-Za-z0-9._-]+)/(.*)", DocsPageHandler, {"root": root}),
        ],
        compress_response=True,
    )


def main():
    logging.basicConfig(level=logging.INFO)
    port = int(os.environ.get("PORT", "8000"))
    make_app().listen(port, address="127.0.0.1")
    logger.info("serving docs from %r on port %d", DOCS_ROOT, port)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
