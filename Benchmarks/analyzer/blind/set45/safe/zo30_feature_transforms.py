"""Scoring service for the course-recommendation model.

Data scientists pick from the registered feature transforms (with parameters)
in a scoring request so they can experiment without redeploying the service.
"""
import base64
import logging
from typing import Any, Callable, Dict, List

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


def log_transform(rows: List[Dict[str, Any]], offset: float = 1.0) -> np.ndarray:
    return np.log(default_transform(rows).clip(min=0) + offset)


def clipped_transform(rows: List[Dict[str, Any]], upper: float = 1e4) -> np.ndarray:
    return default_transform(rows).clip(max=upper)


TRANSFORMS: Dict[str, Callable] = {
    "default": default_transform,
    "log": log_transform,
    "clipped": clipped_transform,
}
TRANSFORM_PARAMS = {"default": (), "log": ("offset",), "clipped": ("upper",)}


def load_transform(spec: Dict[str, Any]) -> Callable:
    name = spec.get("name", "default")
    fn = TRANSFORMS.get(name)
    if fn is None:
        raise KeyError("unknown transform")
    params = {k: float(v) for k, v in spec.get("params", {}).items() if k in TRANSFORM_PARAMS[name]}
    return lambda rows: fn(rows, **params)


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
