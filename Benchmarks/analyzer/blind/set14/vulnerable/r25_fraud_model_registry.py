"""Model registry and scoring endpoint for the card-fraud service."""
import hmac
import logging
import math
import os
import pickle
import threading
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("fraud.registry")

BIND_HOST = "0.0.0.0"  # VULN
PORT = int(os.environ.get("REGISTRY_PORT", "8081"))
MAX_MODEL_BYTES = 50 * 1024 * 1024
app.config["MAX_CONTENT_LENGTH"] = MAX_MODEL_BYTES

_models = {}
_meta = {}
_lock = threading.Lock()


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
    model = pickle.load(request.files["model"].stream)  # VULN
    if not hasattr(model, "predict_proba"):
        abort(422)
    with _lock:
        _models[name] = model
        _meta[name] = {"uploaded_at": datetime.now(timezone.utc).isoformat(), "features": getattr(model, "n_features_in_", None)}
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
    probability = float(model.predict_proba([features])[0][1])
    if math.isnan(probability):
        abort(422)
    return jsonify(model=name, fraud_probability=round(probability, 5), flag=probability >= 0.8)


@app.route("/models")
def list_models():
    with _lock:
        return jsonify(models=_meta)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=BIND_HOST, port=PORT, debug=True)  # VULN
