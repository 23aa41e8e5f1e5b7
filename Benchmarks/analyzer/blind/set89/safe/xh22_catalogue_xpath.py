"""Dataset catalogue lookups backed by the nightly XML export of the institutional repository."""
import os

from bottle import Bottle, abort, request, response
from lxml import etree

CATALOGUE_XML = os.environ.get("CATALOGUE_XML", "/srv/catalogue/export/datasets.xml")

app = Bottle()


class Catalogue:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    @property
    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
        return self._tree

    def by_owner(self, owner: str):
        expr = "//dataset[@access='public'][owner/@uid=$owner]"
        return self.tree.xpath(expr, owner=owner)

    def by_keyword(self, keyword: str):
        expr = "//dataset[@access='public'][keywords/keyword[contains(., $kw)]]"
        return self.tree.xpath(expr, kw=keyword)

    def by_id(self, dataset_id: str):
        found = self.tree.xpath("//dataset[@access='public'][@id=$id]", id=dataset_id)
        return found[0] if found else None


catalogue = Catalogue(CATALOGUE_XML)


def summarise(node) -> dict:
    return {
        "id": node.get("id"),
        "title": node.findtext("title"),
        "owner": node.find("owner").get("uid") if node.find("owner") is not None else None,
        "size_gb": float(node.findtext("size_gb") or 0),
        "keywords": [k.text for k in node.findall("keywords/keyword")],
    }


@app.get("/api/datasets")
def search():
    owner = request.query.get("owner")
    keyword = request.query.get("keyword")
    if owner:
        nodes = catalogue.by_owner(owner)
    elif keyword:
        nodes = catalogue.by_keyword(keyword)
    else:
        abort(400, "owner or keyword required")
    response.content_type = "application/json"
    return {"results": [summarise(n) for n in nodes[:200]]}


@app.get("/api/datasets/<dataset_id>")
def detail(dataset_id):
    node = catalogue.by_id(dataset_id)
    if node is None:
        abort(404, "no such dataset")
    return summarise(node)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
