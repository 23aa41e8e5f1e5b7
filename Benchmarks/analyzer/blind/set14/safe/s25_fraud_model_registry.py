"""Model registry and scoring endpoint for the card-fraud service."""
import hmac
import json
import logging
import math
import os
import threading
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("fraud.registry")

BIND_HOST = os.environ.get("REGISTRY_BIND", "127.0.0.1")
PORT = int(os.environ.get("REGISTRY_PORT", "8081"))
MAX_MODEL_BYTES = 50 * 1024 * 1024
app.config["MAX_CONTENT_LENGTH"] = MAX_MODEL_BYTES

_models = {}
_meta = {}
_lock = threading.Lock()


class LogisticModel:
    """Exported as JSON coefficients by the training pipeline."""

    def __init__(self, spec):
        self.weights = [float(w) for w in spec["weights"]]
        self.bias = float(spec["bias"])
        self.n_features_in_ = len(self.weights)

    def predict_proba(self, rows):
        out = []
        for row in rows:
            if len(row) != self.n_features_in_:
                raise ValueError("feature count mismatch")
            z = max(min(self.bias + sum(w * x for w, x in zip(self.weights, row)), 500.0), -500.0)
            p = 1.0 / (1.0 + math.exp(-z))
            out.append([1.0 - p, p])
        return out


def _require_ml_engineer():
    token = request.headers.get("X-Registry-Token", "")
    expected = os.environ.get("REGISTRY_TOKEN", "")
    if not expected or not hmac.compare_digest(token, expected):
        abort(401)


@app.route("/models/<name>", methods=["PUT"])
def upload_model(name):
    _require_ml_engineer()
    if not name.isidentifier() or "model" not in request.files:
        abort(400)
    try:
        model = LogisticModel(json.load(request.files["model"].stream))
    except (ValueError, KeyError, TypeError):
        abort(422)
    with _lock:
        _models[name] = model
        _meta[name] = {"uploaded_at": datetime.now(timezone.utc).isoformat(), "features": model.n_features_in_}
    log.info("model %s registered", name)
    return jsonify(name=name, **_meta[name]), 201


@app.route("/models/<name>/score", methods=["POST"])
def score(name):
    with _lock:
        model = _models.get(name)
    if model is None:
        abort(404)
    features = (request.get_json(silent=True) or {}).get("features")
    if not isinstance(features, list) or not all(isinstance(x, (int, float)) for x in features):
        abort(400)
    try:
        probability = float(model.predict_proba([features])[0][1])
    except ValueError:
        abort(400)
    if math.isnan(probability):
        abort(422)
    return jsonify(model=name, fraud_probability=round(probability, 5), flag=probability >= 0.8)


@app.route("/models")
def list_models():
    with _lock:
        return jsonify(models=_meta)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=BIND_HOST, port=PORT, debug=False)
