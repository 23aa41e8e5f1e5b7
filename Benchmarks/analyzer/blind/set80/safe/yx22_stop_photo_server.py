"""Tornado service that serves stop infrastructure photos to the asset app."""
import logging
import mimetypes
import os

import tornado.ioloop
import tornado.web

log = logging.getLogger("stop_photos")

PHOTO_ROOT = os.environ.get("STOP_PHOTO_ROOT", "/srv/assets/stop-photos")
DEFAULT_PHOTO = "main.jpg"


def photo_path(root: str, stop_id: str, name: str) -> str:
    base = os.path.realpath(root)
    folder = os.path.realpath(os.path.join(base, stop_id.upper()))
    candidate = os.path.realpath(os.path.join(folder, name or DEFAULT_PHOTO))
    if os.path.commonpath([folder, candidate]) != folder:
        raise tornado.web.HTTPError(404)
    return candidate


class StopPhotoHandler(tornado.web.RequestHandler):
    def initialize(self, root: str):
        self.root = root

    def get(self):
        stop_id = self.get_argument("stop")
        name = self.get_argument("file", DEFAULT_PHOTO)
        if not stop_id.isalnum():
            raise tornado.web.HTTPError(400, "bad stop id")
        path = photo_path(self.root, stop_id, name)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        ctype, _ = mimetypes.guess_type(path)
        self.set_header("Content-Type", ctype or "application/octet-stream")
        self.set_header("Cache-Control", "max-age=3600")
        with open(path, "rb") as fh:
            self.write(fh.read())


class StopPhotoIndexHandler(tornado.web.RequestHandler):
    def initialize(self, root: str):
        self.root = root

    def get(self, stop_id):
        folder = os.path.join(self.root, stop_id.upper())
        if not os.path.isdir(folder):
            raise tornado.web.HTTPError(404)
        photos = sorted(n for n in os.listdir(folder)
                        if n.lower().endswith((".jpg", ".jpeg", ".png")))
        self.write({"stop": stop_id.upper(), "photos": photos})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/photos", StopPhotoHandler, {"root": PHOTO_ROOT}),
        (r"/photos/index/([A-Za-z0-9]+)", StopPhotoIndexHandler, {"root": PHOTO_ROOT}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app = make_app()
    app.listen(8088, address="127.0.0.1")
    log.info("serving stop photos from %s", PHOTO_ROOT)
    tornado.ioloop.IOLoop.current().start()
