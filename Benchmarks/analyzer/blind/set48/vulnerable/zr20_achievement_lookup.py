"""Achievement lookup service backed by the designers' XML catalogue."""
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

CATALOGUE_PATH = os.environ.get("ACHIEVEMENTS_XML", "data/achievements.xml")
log = logging.getLogger("achievements")


class Catalogue:
    """Wraps the parsed XML. Entries with hidden="true" are only shown once earned."""

    def __init__(self, path: str):
        self.path = path
        self.tree = etree.parse(path)

    def reload(self) -> None:
        self.tree = etree.parse(self.path)

    def by_category(self, category: str, include_hidden: bool = False):
        expr = "//achievement[@category='%s'" % category
        expr += "]" if include_hidden else " and not(@hidden='true')]"
        return self.tree.xpath(expr)  # VULN flow

    def by_id(self, achievement_id: str):
        nodes = self.tree.xpath(f"//achievement[@id='{achievement_id}']")  # VULN flow
        return nodes[0] if nodes else None


def to_dict(node) -> dict:
    return {
        "id": node.get("id"),
        "category": node.get("category"),
        "title": node.findtext("title"),
        "description": node.findtext("description"),
        "points": int(node.get("points", "0")),
    }


class CategoryHandler(tornado.web.RequestHandler):
    def initialize(self, catalogue: Catalogue):
        self.catalogue = catalogue

    def get(self):
        category = self.get_argument("category", "combat")
        nodes = self.catalogue.by_category(category)
        self.write({"category": category, "achievements": [to_dict(n) for n in nodes]})


class AchievementHandler(tornado.web.RequestHandler):
    def initialize(self, catalogue: Catalogue):
        self.catalogue = catalogue

    def get(self):
        node = self.catalogue.by_id(self.get_argument("id"))
        if node is None or node.get("hidden") == "true":
            raise tornado.web.HTTPError(404)
        self.write(to_dict(node))


def make_app() -> tornado.web.Application:
    catalogue = Catalogue(CATALOGUE_PATH)
    return tornado.web.Application([
        (r"/achievements", CategoryHandler, {"catalogue": catalogue}),
        (r"/achievements/one", AchievementHandler, {"catalogue": catalogue}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
