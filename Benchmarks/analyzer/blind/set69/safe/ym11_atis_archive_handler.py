"""Tornado handler serving archived ATIS broadcasts for incident review.

Recordings are stored as /srv/atis/<ICAO>/<YYYYMMDD>/<letter>_<HHMM>.mp3
with a matching .txt transcript.
"""
import logging
import mimetypes
import os
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("atis.archive")

ARCHIVE_ROOT = os.environ.get("ATIS_ARCHIVE", "/srv/atis")


class AtisIndexHandler(tornado.web.RequestHandler):
    def initialize(self, root):
        self.root = root

    def get(self, station):
        day = self.get_argument("day")
        if not re.fullmatch(r"\d{8}", day):
            raise tornado.web.HTTPError(400)
        folder = os.path.join(self.root, station.upper(), day)
        if not os.path.isdir(folder):
            raise tornado.web.HTTPError(404)
        self.write({"station": station.upper(), "day": day, "files": sorted(os.listdir(folder))})


class AtisArchiveHandler(tornado.web.RequestHandler):
    def initialize(self, root):
        self.root = os.path.realpath(root)

    def _resolve(self, station, relative):
        station_root = os.path.join(self.root, station.upper())
        candidate = os.path.realpath(os.path.join(station_root, relative))
        if os.path.commonpath([candidate, station_root]) != station_root:
            raise tornado.web.HTTPError(404)
        return candidate

    def get(self, station):
        relative = self.get_argument("file")
        path = self._resolve(station, relative)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        ctype, _ = mimetypes.guess_type(path)
        self.set_header("Content-Type", ctype or "application/octet-stream")
        self.set_header("Content-Disposition", "inline; filename=%s" % os.path.basename(path))
        with open(path, "rb") as fh:
            while True:
                chunk = fh.read(64 * 1024)
                if not chunk:
                    break
                self.write(chunk)
        log.info("served ATIS recording %r", relative)


def make_app():
    return tornado.web.Application(
        [
            (r"/atis/([A-Za-z]{4})/index", AtisIndexHandler, {"root": ARCHIVE_ROOT}),
            (r"/atis/([A-Za-z]{4})/file", AtisArchiveHandler, {"root": ARCHIVE_ROOT}),
        ]
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
