import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


class PipelineSpec:
    def __init__(self, text):
        self.text = text
        self.data = None

    def parse(self):
        self.data = yaml.safe_load(self.text) or {}
        return self

    @property
    def stages(self):
        return [stage["name"] for stage in self.data.get("stages", [])]


@app.route("/pipelines/validate", methods=["POST"])
def validate_pipeline():
    try:
        spec = PipelineSpec(request.get_data(as_text=True)).parse()
    except yaml.YAMLError as exc:
        return jsonify(valid=False, error=str(exc)), 400
    return jsonify(valid=True, stages=spec.stages)
