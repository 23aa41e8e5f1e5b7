"""Protocol library lookup service (Tornado).

Protocols live in a single XML file maintained by the lab manager. Bench
staff query it by reagent or author from the tablet app; protocols marked
``restricted="true"`` (hazardous procedures) are only shown to trained staff
through the separate admin tool.
"""
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("protocols")
LIBRARY = os.environ.get("PROTOCOL_LIBRARY", "/srv/protocols/library.xml")

QUERIES = {
    "reagent": "//protocol[reagents/reagent[@name=$value]][not(@restricted='true')]",
    "author": "//protocol[@author=$value][not(@restricted='true')]",
    "tag": "//protocol[tags/tag=$value][not(@restricted='true')]",
}


class ProtocolLibrary:
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

    def find(self, field: str, value: str):
        expr = QUERIES[field]
        return self.tree().xpath(expr, value=value)


class SearchHandler(tornado.web.RequestHandler):
    def initialize(self, library: ProtocolLibrary):
        self.library = library

    def get(self):
        field = self.get_query_argument("by", "reagent")
        value = self.get_query_argument("q")
        if field not in QUERIES:
            raise tornado.web.HTTPError(400, "unknown search field")
        try:
            matches = self.library.find(field, value)
        except etree.XPathEvalError:
            raise tornado.web.HTTPError(400, "bad query")
        results = [
            {"id": p.get("id"), "title": p.findtext("title"), "author": p.get("author"),
             "version": p.get("version")}
            for p in matches
        ]
        self.write({"count": len(results), "protocols": results})


def make_app() -> tornado.web.Application:
    lib = ProtocolLibrary(LIBRARY)
    return tornado.web.Application([
        (r"/protocols/search", SearchHandler, {"library": lib}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
