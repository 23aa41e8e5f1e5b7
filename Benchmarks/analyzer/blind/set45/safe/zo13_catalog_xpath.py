"""School library catalog search over the nightly MARCXML-derived export."""
import logging
import os
import threading

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/library/catalog.xml")


class Catalog:
    """Keeps the parsed catalog in memory and reloads it when the file changes."""

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = 0.0
        self._tree = None

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
        return self._tree

    def query(self, expression: str, **variables):
        return self.tree().xpath(expression, **variables)


catalog = Catalog(CATALOG_PATH)


def book_to_dict(node) -> dict:
    return {
        "isbn": node.get("isbn"),
        "title": node.findtext("title"),
        "author": node.findtext("author"),
        "year": node.findtext("year"),
        "available": node.get("available") == "true",
    }


def predicate_for(field: str, variable: str) -> str:
    return f"contains(translate({field}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ${variable})"


@app.route("/catalog/search")
def search():
    title = request.args.get("title", "")
    author = request.args.get("author", "")
    predicates = ["not(@restricted='true')"]
    variables = {}
    if title:
        predicates.append(predicate_for("title", "title"))
        variables["title"] = title.lower()
    if author:
        predicates.append(predicate_for("author", "author"))
        variables["author"] = author.lower()
    expression = "//book[" + " and ".join(predicates) + "]"
    books = [book_to_dict(n) for n in catalog.query(expression, **variables)[:50]]
    return jsonify({"count": len(books), "books": books})


@app.route("/catalog/isbn/<isbn>")
def by_isbn(isbn):
    found = catalog.query("//book[@isbn=$isbn and not(@restricted='true')]", isbn=isbn)
    if not found:
        return jsonify({"error": "not found"}), 404
    return jsonify(book_to_dict(found[0]))
