"""Recipe sharing: bulk import endpoints for YAML and XML recipe files."""
import logging

import yaml
from flask import Blueprint, abort, jsonify, request
from lxml import etree

from .auth import current_user_id
from .db import db_session
from .models import Ingredient, Recipe

bp = Blueprint("recipe_import", __name__, url_prefix="/import")
log = logging.getLogger(__name__)

MAX_RECIPES = 200


def _store(recipes, owner_id):
    created = []
    for item in recipes[:MAX_RECIPES]:
        recipe = Recipe(
            owner_id=owner_id,
            title=str(item.get("title", "Untitled"))[:120],
            servings=str(item.get("servings", "2"))[:8],
        )
        for ing in item.get("ingredients", []):
            recipe.ingredients.append(
                Ingredient(name=str(ing.get("name", ""))[:80], quantity=str(ing.get("quantity", ""))[:40])
            )
        db_session.add(recipe)
        created.append(recipe)
    db_session.commit()
    return [r.id for r in created]


def _xml_parser():
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def _recipes_from_xml(raw):
    root = etree.fromstring(raw, _xml_parser())
    out = []
    for node in root.iterfind("recipe"):
        out.append({
            "title": node.findtext("title", default="Untitled"),
            "servings": node.findtext("servings", default="2"),
            "ingredients": [
                {"name": i.findtext("name", ""), "quantity": i.findtext("qty", "")}
                for i in node.iterfind("ingredients/ingredient")
            ],
        })
    return out


@bp.route("/yaml", methods=["POST"])
def import_yaml():
    owner_id = current_user_id()
    if owner_id is None:
        abort(401)
    doc = yaml.safe_load(request.get_data())
    if not isinstance(doc, dict) or not isinstance(doc.get("recipes"), list):
        abort(400, "expected a mapping with a 'recipes' list")
    ids = _store(doc["recipes"], owner_id)
    log.info("imported %d recipes from yaml for user %s", len(ids), owner_id)
    return jsonify({"created": ids}), 201


@bp.route("/xml", methods=["POST"])
def import_xml():
    owner_id = current_user_id()
    if owner_id is None:
        abort(401)
    upload = request.files.get("file")
    if upload is None:
        abort(400, "file required")
    try:
        recipes = _recipes_from_xml(upload.read())
    except etree.XMLSyntaxError:
        abort(400, "malformed xml")
    ids = _store(recipes, owner_id)
    log.info("imported %d recipes from xml for user %s", len(ids), owner_id)
    return jsonify({"created": ids}), 201
