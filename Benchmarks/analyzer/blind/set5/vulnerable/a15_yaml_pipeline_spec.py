import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


class PipelineSpec:
    def __init__(self, text):
        self.text = text
        self.data = None

    def parse(self):
        self.data = yaml.load(self.text, Loader=yaml.Loader)  # VULN flow
        return self

    @property
    def stages(self):
        return [stage["name"] for stage in self.data.get("stages", [])]


@app.route("/pipelines/validate", methods=["POST"])
def validate_pipeline():
    spec = PipelineSpec(request.get_data(as_text=True)).parse()
    return jsonify(valid=True, stages=spec.stages)
