"""Registry for vendor-supplied MT quality-estimation (QE) models.

Translation vendors upload a scoring model; the routing service uses it to
decide which machine-translated segments need human post-editing.
"""
import io
import logging
import re
import threading
from typing import Dict, List

import numpy as np
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qe.registry")

VENDOR_RE = re.compile(r"^[a-z0-9-]{3,40}$")
MAX_MODEL_BYTES = 50 * 1024 * 1024
N_FEATURES = 4
_models: Dict[str, object] = {}
_lock = threading.Lock()


class LinearQEModel:
    def __init__(self, weights: np.ndarray, bias: float):
        self.weights = weights
        self.bias = bias

    def score(self, features: List[float]) -> float:
        z = float(np.dot(self.weights, np.asarray(features, dtype=np.float64))) + self.bias
        return 1.0 / (1.0 + np.exp(-z))


def segment_features(source: str, target: str) -> List[float]:
    src_len, tgt_len = max(len(source), 1), len(target)
    return [
        tgt_len / src_len,
        float(source.count("{") == target.count("{")),
        float(any(ch.isdigit() for ch in source) == any(ch.isdigit() for ch in target)),
        float(target.strip() == source.strip()),
    ]


def load_model(blob: bytes):
    with np.load(io.BytesIO(blob), allow_pickle=False) as archive:
        weights = np.asarray(archive["weights"], dtype=np.float64)
        bias = float(archive["bias"])
    if weights.shape != (N_FEATURES,):
        raise ValueError("weights must have one entry per feature")
    return LinearQEModel(weights, bias)


@app.put("/vendors/<vendor>/qe-model")
def upload_model(vendor: str):
    if not VENDOR_RE.match(vendor):
        abort(404)
    upload = request.files.get("model")
    if upload is None:
        return jsonify(error="multipart field 'model' is required"), 400
    blob = upload.read(MAX_MODEL_BYTES + 1)
    if len(blob) > MAX_MODEL_BYTES:
        return jsonify(error="model too large"), 413
    try:
        model = load_model(blob)
    except Exception as exc:
        log.warning("rejected QE model from %s: %s", vendor, type(exc).__name__)
        return jsonify(error="could not load model"), 422
    with _lock:
        _models[vendor] = model
    return jsonify(vendor=vendor, status="active")


@app.post("/vendors/<vendor>/score")
def score_segments(vendor: str):
    model = _models.get(vendor)
    if model is None:
        abort(404)
    segments = (request.get_json(silent=True) or {}).get("segments", [])
    scores = [float(model.score(segment_features(s["source"], s["target"]))) for s in segments[:500]]
    return jsonify(scores=scores)
