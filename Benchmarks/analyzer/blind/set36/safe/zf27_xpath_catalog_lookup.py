"""Spare-parts catalogue lookup for maintenance technicians on the shop floor."""
import logging
import os
from functools import cached_property

from flask import Flask, abort, jsonify, request
from lxml import etree

logger = logging.getLogger("parts_catalog")
app = Flask(__name__)

CATALOG_PATH = os.environ.get("PARTS_CATALOG_XML", "/srv/catalog/parts.xml")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class PartsCatalog:
    def __init__(self, path):
        self.path = path

    @cached_property
    def tree(self):
        return etree.parse(self.path, _PARSER)

    @staticmethod
    def to_dict(part):
        return {
            "sku": part.get("sku"),
            "name": part.findtext("name"),
            "bin": part.findtext("location/bin"),
            "on_hand": int(part.findtext("stock/onHand", default="0")),
            "compatible_with": [m.text for m in part.iterfind("compatibility/model")],
        }

    def find_by_sku(self, sku):
        expression = "//part[@sku = $sku]"
        return [self.to_dict(p) for p in self.tree.xpath(expression, sku=sku)]

    def find_compatible(self, model):
        parts = self.tree.xpath("//part[compatibility/model = $model]", model=model)
        return [self.to_dict(p) for p in parts]


catalog = PartsCatalog(CATALOG_PATH)


@app.get("/parts/<sku>")
def part_by_sku(sku):
    matches = catalog.find_by_sku(sku)
    if not matches:
        abort(404)
    logger.info("lookup sku=%r", sku)
    return jsonify(matches[0])


@app.get("/parts")
def parts_for_machine():
    model = request.args.get("model", "").strip()
    if not model:
        return jsonify({"error": "model is required"}), 400
    return jsonify({"model": model, "parts": catalog.find_compatible(model)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5020)
