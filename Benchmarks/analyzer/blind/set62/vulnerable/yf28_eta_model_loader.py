"""Delivery ETA model service.

Regional ops analysts train a small linear ETA model in a notebook and
upload the exported ``.npz`` here; dispatch calls /predict per order.
"""
import hmac
import logging
import os
import threading
from pathlib import Path

import numpy as np
from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
log = logging.getLogger("eta")
MODEL_DIR = Path(os.environ.get("ETA_MODEL_DIR", "/var/lib/eta/models"))
ANALYST_TOKEN = os.environ.get("ETA_ANALYST_TOKEN", "")


class EtaModel:
    def __init__(self, weights, bias: float, features):
        self.weights = np.asarray(weights, dtype=float)
        self.bias = float(bias)
        self.features = [str(f) for f in features]
        if len(self.weights) != len(self.features):
            raise ValueError("weights/features length mismatch")

    @classmethod
    def load(cls, path: Path) -> "EtaModel":
        with np.load(path, allow_pickle=True) as data:  # VULN flow
            return cls(data["weights"], data["bias"], data["features"])

    def predict(self, row: dict) -> float:
        x = np.array([float(row.get(f, 0.0)) for f in self.features])
        return max(5.0, float(x @ self.weights + self.bias))


_models = {}
_lock = threading.Lock()


def _require_analyst():
    supplied = request.headers.get("X-Analyst-Token", "")
    if not ANALYST_TOKEN or not hmac.compare_digest(supplied, ANALYST_TOKEN):
        abort(403)


@app.post("/models/<region>")
def upload_model(region: str):
    _require_analyst()
    upload = request.files.get("model")
    if upload is None:
        abort(400)
    dest = MODEL_DIR / f"{secure_filename(region)}.npz"
    upload.save(dest)
    try:
        model = EtaModel.load(dest)
    except Exception as exc:
        dest.unlink(missing_ok=True)
        return jsonify(error=f"invalid model: {exc}"), 422
    with _lock:
        _models[region] = model
    log.info("loaded ETA model for %r with %d features", region, len(model.features))
    return jsonify(region=region, features=model.features)


@app.post("/predict/<region>")
def predict(region: str):
    with _lock:
        model = _models.get(region)
    if model is None:
        abort(404)
    payload = request.get_json(force=True)
    return jsonify(eta_minutes=round(model.predict(payload), 1))
