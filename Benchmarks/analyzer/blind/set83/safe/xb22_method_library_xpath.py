"""Look up analytical methods in the XML method library (Tornado service)."""
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("methods")
LIBRARY_PATH = os.environ.get("METHOD_LIBRARY", "/srv/methods/library.xml")


class MethodLibrary:
    """Wraps the method library; restricted (GMP-locked) methods are hidden from search."""

    def __init__(self, path: str):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    def by_name(self, name: str, technique=None) -> list:
        expr = "//method[not(@restricted='true')][@name=$name]"
        if technique:
            expr += "[@technique=$technique]"
        return self.tree.xpath(expr, name=name, technique=technique or "")

    def by_instrument(self, instrument_id: str) -> list:
        return self.tree.xpath("//method[not(@restricted='true')][instrument/@id=$iid]", iid=instrument_id)


def summarise(node) -> dict:
    return {
        "name": node.get("name"),
        "technique": node.get("technique"),
        "version": node.get("version"),
        "column": node.findtext("column"),
        "gradient": [dict(step.attrib) for step in node.iterfind("gradient/step")],
    }


class MethodSearchHandler(tornado.web.RequestHandler):
    def initialize(self, library: MethodLibrary):
        self.library = library

    def get(self):
        name = self.get_argument("name")
        technique = self.get_argument("technique", None)
        try:
            nodes = self.library.by_name(name, technique)
        except etree.XPathError:
            raise tornado.web.HTTPError(400, "bad query")
        self.write({"methods": [summarise(n) for n in nodes if isinstance(n, etree._Element)]})


class InstrumentMethodsHandler(tornado.web.RequestHandler):
    def initialize(self, library: MethodLibrary):
        self.library = library

    def get(self, instrument_id):
        self.write({"methods": [summarise(n) for n in self.library.by_instrument(instrument_id)]})


def make_app() -> tornado.web.Application:
    library = MethodLibrary(LIBRARY_PATH)
    return tornado.web.Application([
        (r"/methods/search", MethodSearchHandler, {"library": library}),
        (r"/instruments/([A-Za-z0-9_-]+)/methods", InstrumentMethodsHandler, {"library": library}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
