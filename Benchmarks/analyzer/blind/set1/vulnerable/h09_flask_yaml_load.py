import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pipelines/validate", methods=["POST"])
def validate_pipeline():
    spec = yaml.load(request.get_data(as_text=True), Loader=yaml.Loader)  # VULN
    stages = spec.get("stages", [])
    missing = [s.get("name", "?") for s in stages if "script" not in s]
    return jsonify(valid=not missing, missing_script=missing)
