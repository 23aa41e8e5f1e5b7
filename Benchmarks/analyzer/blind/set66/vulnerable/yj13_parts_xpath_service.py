"""Tornado service answering part-number and fitment lookups from the
manufacturer's XML parts catalogue (includes dealer-net cost, which the
public handlers strip before responding)."""
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("parts.xpath")
CATALOG_XML = os.environ.get("OEM_CATALOG_XML", "/srv/parts/oem_catalog.xml")
PUBLIC_FIELDS = ("number", "description", "retail", "superseded_by")


class CatalogIndex:
    def __init__(self, path):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    def by_number(self, number):
        expr = "//part[@number='%s']" % number
        return self.tree.xpath(expr)  # VULN flow

    def for_vehicle(self, make, model, year):
        expr = (
            f"//part[fitment[@make='{make}' and @model='{model}' "
            f"and @from<={year} and @to>={year}]]"
        )
        return self.tree.xpath(expr)  # VULN flow


def to_public(el):
    return {f: el.get(f) or el.findtext(f) for f in PUBLIC_FIELDS}


class BaseHandler(tornado.web.RequestHandler):
    @property
    def index(self) -> CatalogIndex:
        return self.application.settings["index"]


class PartHandler(BaseHandler):
    def get(self, number):
        nodes = self.index.by_number(number.strip())
        if not nodes:
            raise tornado.web.HTTPError(404)
        self.write({"parts": [to_public(n) for n in nodes]})


class FitmentHandler(BaseHandler):
    def get(self):
        make = self.get_argument("make")
        model = self.get_argument("model")
        year = self.get_argument("year")
        nodes = self.index.for_vehicle(make, model, year)
        log.info("fitment lookup %r %r %r -> %d parts", make, model, year, len(nodes))
        self.write({"parts": [to_public(n) for n in nodes]})


def make_app():
    return tornado.web.Application(
        [(r"/parts/([^/]+)", PartHandler), (r"/fitment", FitmentHandler)],
        index=CatalogIndex(CATALOG_XML),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
