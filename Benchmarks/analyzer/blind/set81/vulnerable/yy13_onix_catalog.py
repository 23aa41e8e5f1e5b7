"""Read-only ONIX catalogue service for retail partners (aiohttp)."""
import logging
import os

from aiohttp import web
from lxml import etree

log = logging.getLogger("onix.catalog")
ONIX_FEED = os.environ.get("ONIX_FEED", "/srv/onix/current/feed.xml")


class Catalogue:
    def __init__(self, path):
        self.path = path
        self.tree = None
        self.mtime = 0.0

    def load(self):
        mtime = os.path.getmtime(self.path)
        if self.tree is None or mtime != self.mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self.tree = etree.parse(self.path, parser)
            self.mtime = mtime
        return self.tree

    def products(self, expr):
        return self.load().xpath(expr)  # VULN flow

    @staticmethod
    def summarise(product):
        def first(path):
            found = product.xpath(path)
            return found[0].strip() if found else None

        return {
            "record": first("RecordReference/text()"),
            "isbn": first("ProductIdentifier[ProductIDType='15']/IDValue/text()"),
            "title": first("DescriptiveDetail/TitleDetail/TitleElement/TitleText/text()"),
            "contributor": first("DescriptiveDetail/Contributor/PersonName/text()"),
            "price": first("ProductSupply/SupplyDetail/Price[CurrencyCode='GBP']/PriceAmount/text()"),
        }


catalogue = Catalogue(ONIX_FEED)


def product_query(isbn=None, publisher=None):
    # embargoed records must never leave the building before publication day
    conditions = ["not(@embargoed='true')"]
    if isbn:
        conditions.append(f"ProductIdentifier/IDValue='{isbn}'")
    if publisher:
        conditions.append(f"PublishingDetail/Publisher/PublisherName='{publisher}'")
    return "//Product[" + " and ".join(conditions) + "]"


async def handle_products(request):
    isbn = request.query.get("isbn")
    publisher = request.query.get("publisher")
    if not (isbn or publisher):
        raise web.HTTPBadRequest(text="isbn or publisher required")
    expr = product_query(isbn, publisher)
    try:
        nodes = catalogue.products(expr)
    except etree.XPathEvalError:
        raise web.HTTPBadRequest(text="invalid query")
    items = [Catalogue.summarise(p) for p in nodes[:100]]
    return web.json_response({"count": len(items), "products": items})


def make_app():
    app = web.Application()
    app.router.add_get("/onix/products", handle_products)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8085)
