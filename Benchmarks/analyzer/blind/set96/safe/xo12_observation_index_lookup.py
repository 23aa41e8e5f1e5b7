"""Observation index lookup service.

The archive exports an XML index of all observations every hour; this service
answers "what do we have on target X" queries from the public archive page.
Embargoed observations are flagged with public="false" and must not be listed.
"""
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

INDEX_PATH = os.environ.get("OBS_INDEX", "/srv/archive/index/observations.xml")
log = logging.getLogger("obs_index")


class ObservationIndex:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
        return self._tree

    def by_target(self, target: str, band=None) -> list:
        expr = "//observation[@public='true' and target=$target"
        if band:
            expr += " and filter=$band"
        expr += "]"
        nodes = self.tree().xpath(expr, target=target, band=band or "")
        return [self._row(n) for n in nodes]

    @staticmethod
    def _row(node) -> dict:
        return {
            "obs_id": node.get("id"),
            "target": node.findtext("target"),
            "filter": node.findtext("filter"),
            "date_obs": node.findtext("date_obs"),
            "exptime": float(node.findtext("exptime") or 0),
        }


class TargetHandler(tornado.web.RequestHandler):
    def initialize(self, index: ObservationIndex):
        self.index = index

    def get(self):
        target = self.get_query_argument("target")
        band = self.get_query_argument("filter", None)
        try:
            rows = self.index.by_target(target, band)
        except etree.XPathError:
            raise tornado.web.HTTPError(400, "bad query")
        self.write({"count": len(rows), "observations": rows})


def make_app() -> tornado.web.Application:
    index = ObservationIndex(INDEX_PATH)
    return tornado.web.Application([
        (r"/observations", TargetHandler, {"index": index}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
