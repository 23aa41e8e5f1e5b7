import subprocess

import tornado.ioloop
import tornado.web

OUTPUT_DIR = "/var/lib/thumbs"


def make_thumbnail(source_name, size):
    cmd = f"convert /srv/uploads/{source_name} -resize {size} {OUTPUT_DIR}/{source_name}"
    return subprocess.run(cmd, shell=True, capture_output=True, timeout=30)  # VULN flow


class ThumbnailHandler(tornado.web.RequestHandler):
    def post(self):
        name = self.get_body_argument("name")
        size = self.get_body_argument("size", "128x128")
        result = make_thumbnail(name, size)
        if result.returncode != 0:
            self.set_status(500)
            self.write({"error": result.stderr.decode(errors="replace")})
            return
        self.write({"thumbnail": f"/thumbs/{name}"})


def make_app():
    return tornado.web.Application([(r"/thumbnail", ThumbnailHandler)])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
