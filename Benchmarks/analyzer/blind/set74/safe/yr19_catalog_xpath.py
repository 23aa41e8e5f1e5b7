"""Public course catalogue lookups backed by the published XML catalogue."""
import logging
import os
import threading
import time

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("catalog.lookup")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/published/catalog.xml")
RELOAD_SECONDS = 600


class CatalogIndex:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._load()

    def _load(self) -> None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(self.path, parser)
        self.loaded_at = time.time()

    def refresh_if_stale(self) -> None:
        with self._lock:
            if time.time() - self.loaded_at > RELOAD_SECONDS:
                self._load()

    def _query(self, expr: str, **variables):
        return self.tree.xpath(expr, **variables)

    def by_code(self, code: str):
        expr = "//course[@code=$code]"
        return self._query(expr, code=code)

    def requiring(self, prereq_code: str):
        expr = "//course[prerequisites/course-ref/@code=$prereq]"
        return self._query(expr, prereq=prereq_code)


def _course_summary(node) -> dict:
    return {
        "code": node.get("code"),
        "title": node.findtext("title"),
        "credits": node.findtext("credits"),
        "level": node.get("level"),
    }


index = CatalogIndex(CATALOG_PATH)


@app.route("/catalog/courses/<code>")
def course_detail(code):
    index.refresh_if_stale()
    matches = index.by_code(code.upper())
    if not matches:
        abort(404)
    node = matches[0]
    summary = _course_summary(node)
    summary["description"] = node.findtext("description")
    return jsonify(summary)


@app.route("/catalog/prerequisite-of")
def prerequisite_of():
    code = request.args.get("code", "").strip().upper()
    if not code:
        return jsonify({"error": "code is required"}), 400
    index.refresh_if_stale()
    return jsonify({"prerequisite": code,
                    "courses": [_course_summary(n) for n in index.requiring(code)]})
