"""Import venue technical specifications (stage dims, rigging, power) from YAML.

Venues send their tech specs to the advancing team; production managers upload
them here so the tour's stage plot can be checked against them.
"""
import logging
from typing import Any, Dict

import yaml
from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("techspec", __name__, url_prefix="/advance")
log = logging.getLogger(__name__)

REQUIRED = ("venue", "stage", "power")


class SpecError(ValueError):
    pass


def parse_spec(text: str) -> Dict[str, Any]:
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise SpecError("spec must be a mapping")
    missing = [k for k in REQUIRED if k not in doc]
    if missing:
        raise SpecError("missing sections: " + ", ".join(missing))
    return doc


def check_fit(spec: Dict[str, Any], plot: Dict[str, float]) -> Dict[str, bool]:
    stage = spec.get("stage", {})
    return {
        "width": float(stage.get("width_m", 0)) >= plot["width_m"],
        "depth": float(stage.get("depth_m", 0)) >= plot["depth_m"],
        "trim": float(stage.get("grid_height_m", 0)) >= plot["trim_m"],
        "power": int(spec.get("power", {}).get("amps_3phase", 0)) >= plot["amps"],
    }


@bp.post("/<tour>/techspec")
def upload_techspec(tour: str):
    upload = request.files.get("spec")
    if upload is None:
        return jsonify(error="no file"), 400
    text = upload.read().decode("utf-8", errors="replace")
    try:
        spec = parse_spec(text)
    except (SpecError, yaml.YAMLError) as exc:
        return jsonify(error=str(exc)), 422
    plot = current_app.config["STAGE_PLOTS"].get(tour)
    if plot is None:
        return jsonify(error="unknown tour"), 404
    result = check_fit(spec, plot)
    log.info("tech spec for %r checked against %r: %r", spec.get("venue"), tour, result)
    return jsonify(venue=spec.get("venue"), fits=all(result.values()), detail=result)
