"""League rulebook lookup: rules for each sport are kept in a single XML file."""
import logging
import os

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("rulebook")

RULEBOOK_PATH = os.environ.get("RULEBOOK_XML", "/srv/league/rulebook.xml")


class Rulebook:
    def __init__(self, path: str):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    def _query(self, sport: str, keyword: str) -> str:
        # Draft / disciplinary-panel rules are marked internal and never published.
        return (
            "//sport[@name='%s']/rule[@visibility='public' and contains(title, '%s')]"
            % (sport, keyword)
        )

    def find(self, sport: str, keyword: str) -> list:
        expr = self._query(sport, keyword)
        return self.tree.xpath(expr)  # VULN flow

    def sports(self) -> list:
        return sorted(self.tree.xpath("//sport/@name"))


_book = None


def book() -> Rulebook:
    global _book
    if _book is None:
        _book = Rulebook(RULEBOOK_PATH)
    return _book


def rule_to_dict(node) -> dict:
    return {
        "id": node.get("id"),
        "title": (node.findtext("title") or "").strip(),
        "text": (node.findtext("text") or "").strip(),
    }


@app.get("/rules/<sport>")
def search_rules(sport):
    keyword = request.args.get("q", "")
    if len(keyword) > 80:
        abort(400)
    try:
        nodes = book().find(sport, keyword)
    except etree.XPathError:
        abort(400, "bad query")
    log.info("rule search in %r returned %d rules", sport, len(nodes))
    return jsonify([rule_to_dict(n) for n in nodes])


@app.get("/rules")
def list_sports():
    return jsonify(book().sports())
