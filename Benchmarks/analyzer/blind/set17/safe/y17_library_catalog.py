"""Branch library catalogue search backed by the nightly MARCXML-derived export."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("library.catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/library/catalog.xml")


class Catalog:
    _lock = threading.Lock()

    def __init__(self, path):
        self.path = path
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

    def find_by_author(self, author, branch=None):
        expr = "//book[author=$author]"
        variables = {"author": author}
        if branch:
            expr += "[holding/@branch=$branch]"
            variables["branch"] = branch
        return self.tree().xpath(expr, **variables)

    def find_by_isbn(self, isbn):
        matches = self.tree().xpath("//book[isbn=$isbn]", isbn=isbn)
        return matches[0] if matches else None


catalog = Catalog(CATALOG_PATH)


def book_to_dict(node):
    return {
        "title": node.findtext("title"),
        "author": node.findtext("author"),
        "isbn": node.findtext("isbn"),
        "available": [h.get("branch") for h in node.iterfind("holding") if h.get("status") == "in"],
    }


@app.route("/catalog/search")
def search():
    author = request.args.get("author", "").strip()
    branch = request.args.get("branch", "").strip() or None
    if len(author) < 2:
        abort(400, "author too short")
    log.info("catalog search author=%r branch=%r", author, branch)
    books = catalog.find_by_author(author, branch)
    return jsonify([book_to_dict(b) for b in books[:100]])


@app.route("/catalog/isbn/<isbn>")
def by_isbn(isbn):
    node = catalog.find_by_isbn(isbn)
    if node is None:
        abort(404)
    return jsonify(book_to_dict(node))


if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", "5005")), debug=False)
