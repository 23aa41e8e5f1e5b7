"""Avalanche bulletin lookup for the patrol app.

The regional warning service publishes a CAAML-like XML bulletin every
morning; the cron job stores it at BULLETIN_PATH and this API answers
per-region / per-aspect questions from it.
"""
import logging
import os

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("patrol.bulletin")

BULLETIN_PATH = os.environ.get("BULLETIN_PATH", "/var/cache/patrol/bulletin.xml")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

FIELDS = {
    "danger": "dangerRating/level/text()",
    "problem": "problem",
}


class Bulletin:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    @property
    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            self._tree = etree.parse(self.path, _PARSER)
            self._mtime = mtime
        return self._tree

    def query(self, expr: str, **variables):
        return self.tree.xpath(expr, **variables)


bulletin = Bulletin(BULLETIN_PATH)


def region_expr(field: str) -> str:
    return "//bulletin[region/@name=$region]/%s" % FIELDS[field]


@app.route("/bulletin/<region>/danger")
def danger_level(region):
    levels = bulletin.query(region_expr("danger"), region=region)
    if not levels:
        abort(404)
    return jsonify({"region": region, "levels": [int(l) for l in levels]})


@app.route("/bulletin/<region>/problems")
def avalanche_problems(region):
    aspect = request.args.get("aspect", "")
    expr = region_expr("problem")
    variables = {"region": region}
    if aspect:
        expr += "[aspects/aspect=$aspect]"
        variables["aspect"] = aspect
    problems = []
    for node in bulletin.query(expr, **variables):
        problems.append({
            "type": node.findtext("type"),
            "elevation": node.findtext("elevation"),
            "aspects": [a.text for a in node.iter("aspect")],
        })
    return jsonify(problems)


if __name__ == "__main__":
    app.run(port=5070)
