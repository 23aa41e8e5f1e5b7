"""BeerXML recipe import for the brewhouse recipe library."""
import logging
import os

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
log = logging.getLogger("recipes.import")

RECIPES = {}


def _text(node, tag, default=""):
    child = node.find(tag)
    return child.text.strip() if child is not None and child.text else default


def _float(node, tag, default=0.0):
    try:
        return float(_text(node, tag, str(default)))
    except ValueError:
        return default


def parse_recipe(data: bytes) -> dict:
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    recipe = root if root.tag == "RECIPE" else root.find("RECIPE")
    if recipe is None:
        raise ValueError("no RECIPE element")
    return {
        "name": _text(recipe, "NAME"),
        "style": _text(recipe.find("STYLE") if recipe.find("STYLE") is not None else recipe, "NAME"),
        "batch_size_l": _float(recipe, "BATCH_SIZE"),
        "og": _float(recipe, "OG"),
        "fg": _float(recipe, "FG"),
        "notes": _text(recipe, "NOTES"),
        "hops": [
            {"name": _text(h, "NAME"), "amount_kg": _float(h, "AMOUNT"), "time_min": _float(h, "TIME")}
            for h in recipe.iterfind("HOPS/HOP")
        ],
        "fermentables": [
            {"name": _text(f, "NAME"), "amount_kg": _float(f, "AMOUNT")}
            for f in recipe.iterfind("FERMENTABLES/FERMENTABLE")
        ],
    }


@app.post("/api/recipes/import")
def import_recipe():
    upload = request.files.get("file")
    if upload is None or not upload.filename.lower().endswith(".xml"):
        abort(400, "expected a BeerXML file")
    payload = upload.read()
    try:
        recipe = parse_recipe(payload)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("import failed for %r: %r", upload.filename, exc)
        abort(422, "could not parse recipe")
    key = recipe["name"].lower().replace(" ", "-") or os.urandom(4).hex()
    RECIPES[key] = recipe
    return jsonify({"id": key, "recipe": recipe}), 201


@app.get("/api/recipes/<key>")
def get_recipe(key):
    recipe = RECIPES.get(key)
    if recipe is None:
        abort(404)
    return jsonify(recipe)
