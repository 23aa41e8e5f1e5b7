"""Library kiosk API: search the nightly catalogue export by author or title."""
import os

from lxml import etree
from sanic import Sanic
from sanic.response import json as json_response

app = Sanic("catalogue_kiosk")
CATALOGUE_PATH = os.environ.get("CATALOGUE_XML", "/srv/kiosk/catalogue.xml")


class Catalogue:
    def __init__(self, path):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    @staticmethod
    def _expression(field):
        if field == "author":
            return "//book[contains(author, $term)]"
        return "//book[contains(title, $term)]"

    def search(self, field, term, limit=50):
        expr = self._expression(field)
        nodes = self.tree.xpath(expr, term=term)
        return [
            {
                "isbn": node.get("isbn"),
                "title": node.findtext("title"),
                "author": node.findtext("author"),
                "available": node.findtext("copies/available") or "0",
            }
            for node in nodes[:limit]
        ]

    def reload(self, path):
        self.__init__(path)


catalogue = Catalogue(CATALOGUE_PATH)


@app.get("/search")
async def search(request):
    field = request.args.get("by", "title")
    term = request.args.get("q", "").strip()
    if field not in ("author", "title"):
        return json_response({"error": "by must be author or title"}, status=400)
    if len(term) < 2:
        return json_response({"error": "query too short"}, status=400)
    return json_response({"results": catalogue.search(field, term)})


@app.post("/admin/reload")
async def reload_catalogue(request):
    catalogue.reload(CATALOGUE_PATH)
    return json_response({"reloaded": True})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000)
