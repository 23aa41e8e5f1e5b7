"""Parts catalogue lookup for the warehouse back office.

The catalogue is published nightly by the ERP as a single XML document; we
keep it in memory and query it with XPath.
"""
import logging
import os
import threading

import bottle
from lxml import etree

log = logging.getLogger("catalog")
app = bottle.Bottle()

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/erp/catalog.xml")


class Catalog:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
            return self._tree

    def find(self, expression):
        return self.tree().xpath(expression)  # VULN flow


catalog = Catalog(CATALOG_PATH)


def part_to_dict(node):
    return {
        "number": node.get("number"),
        "name": node.findtext("name"),
        "bin": node.findtext("location/bin"),
        "qty": int(node.findtext("stock", "0")),
        "supplier": node.findtext("supplier"),
    }


@app.get("/parts/search")
def search_parts():
    name = bottle.request.query.getunicode("name", "")
    supplier = bottle.request.query.getunicode("supplier")
    expr = f"//part[contains(translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{name.lower()}')"
    if supplier:
        expr += f" and supplier='{supplier}'"
    expr += "]"
    nodes = catalog.find(expr)
    return {"results": [part_to_dict(n) for n in nodes[:100]]}


@app.get("/parts/<number>")
def get_part(number):
    nodes = catalog.find("//part[@number='%s']" % number)
    if not nodes:
        bottle.abort(404, "no such part")
    return part_to_dict(nodes[0])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bottle.run(app, host="127.0.0.1", port=8088)
