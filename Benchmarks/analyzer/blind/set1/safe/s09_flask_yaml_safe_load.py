import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pipelines/validate", methods=["POST"])
def validate_pipeline():
    try:
        spec = yaml.safe_load(request.get_data(as_text=True)) or {}
    except yaml.YAMLError as exc:
        return jsonify(valid=False, error=str(exc)), 400
    stages = spec.get("stages", [])
    missing = [s.get("name", "?") for s in stages if "script" not in s]
    return jsonify(valid=not missing, missing_script=missing)
