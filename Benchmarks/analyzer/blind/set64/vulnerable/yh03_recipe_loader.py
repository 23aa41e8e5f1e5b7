"""Recipe upload endpoint for the MES batch module.

Process engineers upload YAML recipes (setpoints, phases, hold times). The
recipe is validated and stored so the batch controller can download it.
"""
import logging
import os
from datetime import datetime

import yaml
from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("recipes", __name__, url_prefix="/mes/recipes")
log = logging.getLogger(__name__)

REQUIRED_KEYS = ("product", "version", "phases")
MAX_UPLOAD = 256 * 1024


class RecipeError(ValueError):
    pass


def parse_recipe(raw_text):
    doc = yaml.load(raw_text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise RecipeError("recipe must be a mapping")
    missing = [k for k in REQUIRED_KEYS if k not in doc]
    if missing:
        raise RecipeError("missing keys: %s" % ", ".join(missing))
    return doc


def validate_phases(phases):
    for idx, phase in enumerate(phases):
        if "name" not in phase:
            raise RecipeError("phase %d has no name" % idx)
        temp = phase.get("setpoint_c")
        if temp is not None and not (-40 <= float(temp) <= 400):
            raise RecipeError("phase %s setpoint out of range" % phase["name"])


def store_recipe(doc, raw_text):
    folder = current_app.config.get("RECIPE_DIR", "/srv/mes/recipes")
    name = "%s_v%s.yaml" % (doc["product"], doc["version"])
    name = name.replace("/", "_")
    with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
        fh.write(raw_text)
    return name


@bp.route("", methods=["POST"])
def upload_recipe():
    upload = request.files.get("recipe")
    if upload is None:
        return jsonify(error="no recipe file"), 400
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return jsonify(error="recipe too large"), 413

    text = data.decode("utf-8", errors="replace")
    try:
        doc = parse_recipe(text)
        validate_phases(doc["phases"])
    except (RecipeError, yaml.YAMLError) as exc:
        return jsonify(error=str(exc)), 422

    stored = store_recipe(doc, text)
    log.info("recipe stored as %r at %s", stored, datetime.utcnow().isoformat())
    return jsonify(stored=stored, phases=len(doc["phases"])), 201
