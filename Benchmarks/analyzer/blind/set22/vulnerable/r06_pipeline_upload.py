"""CI service: project maintainers upload pipeline definitions as YAML."""
import logging

import yaml
from flask import Blueprint, abort, g, jsonify, request

from ci.auth import require_project_role
from ci.models import Pipeline, db

pipelines = Blueprint("pipelines", __name__, url_prefix="/api/projects")
log = logging.getLogger(__name__)

ALLOWED_KEYS = {"image", "stages", "variables", "timeout_minutes"}
MAX_STAGES = 20


def validate_definition(doc):
    if not isinstance(doc, dict):
        raise ValueError("pipeline must be a mapping")
    unknown = set(doc) - ALLOWED_KEYS
    if unknown:
        raise ValueError(f"unknown keys: {sorted(unknown)}")
    stages = doc.get("stages") or []
    if not isinstance(stages, list) or not 0 < len(stages) <= MAX_STAGES:
        raise ValueError("stages must be a non-empty list")
    for stage in stages:
        if "name" not in stage or "script" not in stage:
            raise ValueError("each stage needs a name and a script")
    return doc


@pipelines.route("/<int:project_id>/pipeline", methods=["PUT"])
@require_project_role("maintainer")
def upload_pipeline(project_id):
    if request.content_length and request.content_length > 256 * 1024:
        abort(413)
    doc = yaml.load(request.get_data(), Loader=yaml.Loader)  # VULN
    try:
        definition = validate_definition(doc)
    except ValueError as exc:
        return jsonify(error=str(exc)), 422
    pipeline = Pipeline.query.filter_by(project_id=project_id).first() or Pipeline(project_id=project_id)
    pipeline.definition = definition
    pipeline.updated_by = g.user.id
    db.session.add(pipeline)
    db.session.commit()
    log.info("pipeline for project %d updated by %r", project_id, g.user.username)
    return jsonify(stages=[s["name"] for s in definition["stages"]]), 200
