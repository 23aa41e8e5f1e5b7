import os
import re
import subprocess

import tornado.ioloop
import tornado.web

UPLOAD_DIR = "/srv/uploads"
OUTPUT_DIR = "/var/lib/thumbs"
SIZE_RE = re.compile(r"^\d{1,4}x\d{1,4}$")


def make_thumbnail(source_name, size):
    src = os.path.join(UPLOAD_DIR, source_name)
    dst = os.path.join(OUTPUT_DIR, source_name)
    return subprocess.run(["convert", src, "-resize", size, dst], capture_output=True, timeout=30)


class ThumbnailHandler(tornado.web.RequestHandler):
    def post(self):
        name = os.path.basename(self.get_body_argument("name"))
        size = self.get_body_argument("size", "128x128")
        if not name or name.startswith(".") or not SIZE_RE.match(size):
            raise tornado.web.HTTPError(400)
        result = make_thumbnail(name, size)
        if result.returncode != 0:
            raise tornado.web.HTTPError(500)
        self.write({"thumbnail": f"/thumbs/{name}"})


def make_app():
    return tornado.web.Application([(r"/thumbnail", ThumbnailHandler)])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
