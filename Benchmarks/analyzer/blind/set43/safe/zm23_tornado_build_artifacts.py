"""Tornado app that serves and accepts build artifacts for the on-prem CI runners."""
import hmac
import logging
import mimetypes
import os

import tornado.ioloop
import tornado.web

log = logging.getLogger("artifact-server")

ARTIFACT_ROOT = os.environ.get("ARTIFACT_ROOT", "/srv/artifacts")
UPLOAD_TOKEN = os.environ["ARTIFACT_UPLOAD_TOKEN"]
CHUNK = 64 * 1024


class ArtifactStore:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def path_for(self, project: str, name: str) -> str:
        candidate = os.path.realpath(os.path.join(self.root, project, name))
        if os.path.commonpath([self.root, candidate]) != self.root:
            raise tornado.web.HTTPError(400, "invalid artifact path")
        return candidate


class DownloadHandler(tornado.web.RequestHandler):
    def initialize(self, store: ArtifactStore):
        self.store = store

    async def get(self, project: str, name: str):
        path = self.store.path_for(project, name)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        ctype, _ = mimetypes.guess_type(path)
        self.set_header("Content-Type", ctype or "application/octet-stream")
        self.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(path)}"')
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                self.write(chunk)
                await self.flush()


class UploadHandler(tornado.web.RequestHandler):
    def initialize(self, store: ArtifactStore):
        self.store = store

    def prepare(self):
        if not hmac.compare_digest(self.request.headers.get("Authorization", ""), f"Token {UPLOAD_TOKEN}"):
            raise tornado.web.HTTPError(401)

    def put(self, project: str, name: str):
        target = self.store.path_for(project, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(self.request.body)
        log.info("stored %d bytes for %r/%r", len(self.request.body), project, name)
        self.set_status(201)
        self.finish({"stored": name, "size": len(self.request.body)})


def make_app() -> tornado.web.Application:
    store = ArtifactStore(ARTIFACT_ROOT)
    return tornado.web.Application(
        [
            (r"/artifacts/([^/]+)/(.+)", DownloadHandler, {"store": store}),
            (r"/upload/([^/]+)/(.+)", UploadHandler, {"store": store}),
        ],
        max_body_size=512 * 1024 * 1024,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8070")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
