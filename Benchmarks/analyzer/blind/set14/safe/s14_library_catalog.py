"""Catalog search service for the municipal library kiosks."""
import logging
import os

from aiohttp import web
from lxml import etree

log = logging.getLogger("library.catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/library/catalog.xml")
SEARCH_FIELDS = {"title", "author", "year", "publisher"}
_parser = etree.XMLParser(resolve_entities=False, no_network=True)


class Catalog:
    def __init__(self, path):
        self.path = path
        self.tree = None
        self.mtime = 0.0

    def _reload_if_changed(self):
        mtime = os.path.getmtime(self.path)
        if mtime != self.mtime:
            self.tree = etree.parse(self.path, _parser)
            self.mtime = mtime
            log.info("catalog reloaded (%d books)", int(self.tree.xpath("count(//book)")))

    def find(self, field, value):
        self._reload_if_changed()
        if field not in SEARCH_FIELDS:
            raise ValueError("unsupported search field")
        expr = f"//book[{field}=$value]"
        return self.tree.xpath(expr, value=value)

    def by_isbn(self, isbn):
        self._reload_if_changed()
        found = self.tree.xpath("//book[@isbn=$isbn]", isbn=isbn)
        return found[0] if found else None


def book_json(node):
    return {
        "isbn": node.get("isbn"),
        "title": node.findtext("title"),
        "author": node.findtext("author"),
        "year": node.findtext("year"),
        "available": node.get("copies_available", "0") != "0",
    }


routes = web.RouteTableDef()


@routes.get("/catalog/search")
async def search(request):
    field = request.query.get("by", "title")
    value = request.query.get("q", "").strip()
    if not value:
        raise web.HTTPBadRequest(text="q is required")
    try:
        books = request.app["catalog"].find(field, value)
    except ValueError:
        raise web.HTTPBadRequest(text="by must be one of: " + ", ".join(sorted(SEARCH_FIELDS)))
    return web.json_response({"results": [book_json(b) for b in books[:100]]})


@routes.get("/catalog/isbn/{isbn}")
async def lookup_isbn(request):
    book = request.app["catalog"].by_isbn(request.match_info["isbn"])
    if book is None:
        raise web.HTTPNotFound(text="no such isbn")
    return web.json_response(book_json(book))


def create_app():
    app = web.Application()
    app["catalog"] = Catalog(CATALOG_PATH)
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8085)
