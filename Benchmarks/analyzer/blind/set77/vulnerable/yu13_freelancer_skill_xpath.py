"""Tornado service that answers skill queries against the exported freelancer catalogue.

The catalogue is a nightly XML export (freelancers.xml) from the legacy CRM:

    <freelancers>
      <freelancer id="..." visibility="public|private">
        <name/> <skill level="1-5"/> ... <rate/> <email/>
      </freelancer>
    </freelancers>
"""
import json
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("catalogue")
CATALOGUE_PATH = os.environ.get("CATALOGUE_PATH", "/srv/catalogue/freelancers.xml")


class Catalogue:
    def __init__(self, path: str):
        self.path = path
        self.tree = etree.parse(path, etree.XMLParser(no_network=True, resolve_entities=False))

    def query(self, expr: str):
        return self.tree.xpath(expr)  # VULN flow


def skill_expression(skill: str, min_level: int) -> str:
    return (
        "//freelancer[@visibility='public']"
        f"[skill[text()='{skill}' and number(@level) >= {min_level}]]"
    )


class SkillSearchHandler(tornado.web.RequestHandler):
    def initialize(self, catalogue: Catalogue):
        self.catalogue = catalogue

    def get(self):
        skill = self.get_argument("skill")
        try:
            min_level = int(self.get_argument("min_level", "1"))
        except ValueError:
            raise tornado.web.HTTPError(400, "min_level must be an integer")
        expr = skill_expression(skill, min_level)
        try:
            nodes = self.catalogue.query(expr)
        except etree.XPathError:
            raise tornado.web.HTTPError(400, "bad query")
        people = [
            {
                "id": n.get("id"),
                "name": n.findtext("name"),
                "rate": n.findtext("rate"),
                "skills": [s.text for s in n.findall("skill")],
            }
            for n in nodes
            if isinstance(n, etree._Element)
        ]
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"count": len(people), "freelancers": people}))


def make_app():
    catalogue = Catalogue(CATALOGUE_PATH)
    return tornado.web.Application([(r"/skills/search", SkillSearchHandler, {"catalogue": catalogue})])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
