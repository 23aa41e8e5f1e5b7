"""Scoring service for the course-recommendation model.

Data scientists ship custom feature transforms along with a scoring request
so they can experiment without redeploying the service.
"""
import base64
import logging
from typing import Any, Callable, Dict, List

import dill
import numpy as np
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("reco.scoring")

FEATURES = ["minutes_watched", "quiz_avg", "forum_posts", "days_since_login", "completed_modules"]


class ModelHolder:
    def __init__(self):
        self.weights = np.array([0.004, 1.8, 0.05, -0.09, 0.3])
        self.bias = -1.2

    def score(self, matrix: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(matrix @ self.weights + self.bias)))


model = ModelHolder()


def default_transform(rows: List[Dict[str, Any]]) -> np.ndarray:
    return np.array([[float(r.get(f, 0.0)) for f in FEATURES] for r in rows])


def load_transform(spec: Dict[str, Any]) -> Callable:
    encoded = spec.get("serialized")
    if not encoded:
        return default_transform
    blob = base64.b64decode(encoded)
    fn = dill.loads(blob)  # VULN flow
    if not callable(fn):
        raise TypeError("transform must be callable")
    return fn


@app.route("/score", methods=["POST"])
def score():
    body = request.get_json(force=True)
    rows = body.get("learners", [])
    if not rows:
        return jsonify({"error": "no learners supplied"}), 400
    try:
        transform = load_transform(body.get("transform", {}))
        matrix = transform(rows)
    except Exception as exc:
        log.warning("transform failed: %s", type(exc).__name__)
        return jsonify({"error": "transform failed"}), 422
    if matrix.shape != (len(rows), len(FEATURES)):
        return jsonify({"error": f"transform must return shape (n, {len(FEATURES)})"}), 422
    scores = model.score(matrix)
    return jsonify({
        "scores": [{"learner_id": r.get("learner_id"), "p_complete": float(s)} for r, s in zip(rows, scores)]
    })
