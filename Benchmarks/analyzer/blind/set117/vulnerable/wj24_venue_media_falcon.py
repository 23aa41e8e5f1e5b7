"""Venue media library (Falcon): load-in photos, dock drawings, hang plots.

Touring production managers browse these when advancing a date.
"""
import logging
import mimetypes
import os

import falcon

log = logging.getLogger("venue-media")

MEDIA_ROOT = os.environ.get("VENUE_MEDIA_ROOT", "/srv/venue-media")


class MediaIndex:
    def __init__(self, root: str):
        self.root = root

    def venue_path(self, venue: str) -> str:
        return os.path.join(self.root, venue)

    def file_path(self, venue: str, relpath: str) -> str:
        return os.path.join(self.venue_path(venue), relpath)

    def listing(self, venue: str):
        base = self.venue_path(venue)
        out = []
        for dirpath, _, files in os.walk(base):  # VULN flow
            for name in files:
                full = os.path.join(dirpath, name)
                out.append({"path": os.path.relpath(full, base), "bytes": os.path.getsize(full)})
        return sorted(out, key=lambda f: f["path"])


class VenueMediaResource:
    def __init__(self, index: MediaIndex):
        self.index = index

    def on_get(self, req: falcon.Request, resp: falcon.Response, venue: str):
        wanted = req.get_param("file")
        if not wanted:
            resp.media = {"venue": venue, "files": self.index.listing(venue)}
            return
        path = self.index.file_path(venue, wanted)
        if not os.path.isfile(path):
            raise falcon.HTTPNotFound(title="no such file")
        ctype, _ = mimetypes.guess_type(path)
        resp.content_type = ctype or "application/octet-stream"
        resp.stream = open(path, "rb")  # VULN flow
        resp.content_length = os.path.getsize(path)
        log.info("served %r for %r", wanted, venue)


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": os.path.isdir(MEDIA_ROOT)}


def create_app() -> falcon.App:
    app = falcon.App()
    index = MediaIndex(MEDIA_ROOT)
    app.add_route("/venues/{venue}/media", VenueMediaResource(index))
    app.add_route("/healthz", HealthResource())
    return app


app = create_app()
