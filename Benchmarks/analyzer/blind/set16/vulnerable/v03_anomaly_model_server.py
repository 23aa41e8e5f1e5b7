"""Small model registry + inference endpoint for the sensor anomaly team."""
import io
import logging
import os
import re

import torch
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("anomaly-serving")
MODEL_DIR = os.environ.get("MODEL_DIR", "/srv/models")
NAME_RE = re.compile(r"[a-z0-9_-]{1,40}")
_loaded = {}


class AnomalyNet(torch.nn.Module):
    def __init__(self, n_features=16, hidden=32):
        super().__init__()
        self.net = torch.nn.Sequential(
            torch.nn.Linear(n_features, hidden),
            torch.nn.ReLU(),
            torch.nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return torch.sigmoid(self.net(x))


def model_path(name):
    if not NAME_RE.fullmatch(name):
        abort(400, "bad model name")
    return os.path.join(MODEL_DIR, f"{name}.pt")


def load_state(blob):
    buffer = io.BytesIO(blob)
    return torch.load(buffer, map_location="cpu")  # VULN flow


@app.route("/models/<name>", methods=["PUT"])
def upload_model(name):
    path = model_path(name)
    state = load_state(request.get_data())
    model = AnomalyNet()
    model.load_state_dict(state)
    model.eval()
    torch.save(model.state_dict(), path)
    _loaded[name] = model
    log.info("registered model %r", name)
    return jsonify(status="ok", params=sum(p.numel() for p in model.parameters()))


@app.route("/models/<name>/predict", methods=["POST"])
def predict(name):
    model = _loaded.get(name)
    if model is None:
        path = model_path(name)
        if not os.path.exists(path):
            abort(404)
        model = AnomalyNet()
        model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
        model.eval()
        _loaded[name] = model
    rows = (request.get_json(silent=True) or {}).get("rows", [])
    with torch.no_grad():
        scores = model(torch.tensor(rows, dtype=torch.float32)).squeeze(-1)
    return jsonify(scores=scores.tolist())


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
