"""Accept CI pipeline definitions uploaded by project owners."""
import logging
import uuid

import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
log = logging.getLogger("ci.pipelines")

ALLOWED_RUNNERS = {"ubuntu-22.04", "ubuntu-24.04", "debian-12"}
PIPELINES = {}


class PipelineError(ValueError):
    pass


def validate(spec):
    if not isinstance(spec, dict):
        raise PipelineError("pipeline must be a mapping")
    runner = spec.get("runner", "ubuntu-22.04")
    if runner not in ALLOWED_RUNNERS:
        raise PipelineError("unsupported runner")
    steps = spec.get("steps")
    if not isinstance(steps, list) or not steps:
        raise PipelineError("pipeline needs at least one step")
    for i, step in enumerate(steps):
        if not isinstance(step, dict) or "name" not in step or "run" not in step:
            raise PipelineError(f"step {i} needs 'name' and 'run'")
    return {"runner": runner, "steps": steps, "env": spec.get("env", {})}


@app.route("/projects/<int:project_id>/pipelines", methods=["POST"])
def upload_pipeline(project_id):
    upload = request.files.get("pipeline")
    if upload is None:
        abort(400)
    try:
        spec = yaml.load(upload.stream, Loader=yaml.Loader)  # VULN
        pipeline = validate(spec)
    except (yaml.YAMLError, PipelineError) as exc:
        return jsonify({"error": str(exc)}), 422
    pipeline_id = str(uuid.uuid4())
    PIPELINES[pipeline_id] = {"project": project_id, **pipeline}
    log.info("stored pipeline %s for project %d with %d steps", pipeline_id, project_id, len(pipeline["steps"]))
    return jsonify({"id": pipeline_id, "steps": len(pipeline["steps"])}), 201


@app.route("/pipelines/<pipeline_id>")
def get_pipeline(pipeline_id):
    pipeline = PIPELINES.get(pipeline_id)
    if pipeline is None:
        abort(404)
    return jsonify(pipeline)
