"""Knowledge-base article lookup for the help-centre widget."""
import json
import logging
import os

from bottle import Bottle, request, response
from lxml import etree

app = Bottle()
log = logging.getLogger("helpcentre.kb")

KB_PATH = os.environ.get("KB_XML", "/srv/helpcentre/kb.xml")
SUPPORTED_LOCALES = ("en", "de", "fr", "es")


def load_tree(path):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(path, parser)


class KnowledgeBase:
    def __init__(self, tree):
        self.tree = tree

    def by_tag(self, tag, locale="en"):
        expr = (
            "//article[@visibility='public'][@locale=$loc][tags/tag=$tag]"
        )
        return self.tree.xpath(expr, loc=locale, tag=tag)

    def by_id(self, article_id):
        found = self.tree.xpath("//article[@visibility='public'][@id=$aid]", aid=article_id)
        return found[0] if found else None

    @staticmethod
    def summarise(node):
        return {
            "id": node.get("id"),
            "title": node.findtext("title", default=""),
            "summary": node.findtext("summary", default=""),
            "tags": [t.text for t in node.iterfind("tags/tag")],
        }


kb = KnowledgeBase(load_tree(KB_PATH))


@app.get("/kb/search")
def search():
    tag = request.query.get("tag", "").strip()
    locale = request.query.get("locale", "en")
    if not tag:
        response.status = 400
        return {"error": "tag is required"}
    nodes = kb.by_tag(tag, locale)
    response.content_type = "application/json"
    return json.dumps({"count": len(nodes), "articles": [kb.summarise(n) for n in nodes]})


@app.get("/kb/articles/<article_id>")
def article(article_id):
    node = kb.by_id(article_id)
    if node is None:
        response.status = 404
        return {"error": "not found"}
    data = kb.summarise(node)
    data["body"] = node.findtext("body", default="")
    return data


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
