"""Query helper over the nightly MLS property catalogue export (XML)."""
import logging
import os

from bottle import Bottle, HTTPResponse, request
from lxml import etree

log = logging.getLogger("catalog")
app = Bottle()

CATALOG_PATH = os.environ.get("CATALOG_PATH", "/srv/mls/catalog.xml")
_tree = None


def catalog():
    global _tree
    if _tree is None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        _tree = etree.parse(CATALOG_PATH, parser)
    return _tree


def to_dict(node):
    return {
        "id": node.get("id"),
        "street": node.findtext("address/street"),
        "city": node.findtext("address/city"),
        "price": int(node.findtext("price") or 0),
        "type": node.findtext("type"),
        "status": node.findtext("status"),
    }


class CatalogQuery:
    def __init__(self, params):
        self.city = params.get("city", "")
        self.ptype = params.get("type", "")
        self.status = params.get("status", "active")

    def expression(self):
        preds = ["status=$status"]
        variables = {"status": self.status}
        if self.city:
            preds.append("address/city=$city")
            variables["city"] = self.city
        if self.ptype:
            preds.append("type=$ptype")
            variables["ptype"] = self.ptype
        return "//property[" + " and ".join(preds) + "]", variables


@app.get("/catalog/properties")
def list_properties():
    q = CatalogQuery(request.query)
    expr, variables = q.expression()
    try:
        nodes = catalog().xpath(expr, **variables)
    except etree.XPathError:
        return HTTPResponse({"error": "invalid query"}, status=400)
    return {"results": [to_dict(n) for n in nodes[:100]]}


@app.get("/catalog/properties/<prop_id>")
def get_property(prop_id):
    nodes = catalog().xpath("//property[@id=$pid]", pid=prop_id)
    if not nodes:
        return HTTPResponse({"error": "not found"}, status=404)
    return to_dict(nodes[0])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
