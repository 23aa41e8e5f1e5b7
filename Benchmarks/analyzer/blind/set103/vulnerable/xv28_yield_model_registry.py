"""Yield-forecast model registry.

Data scientists push serialized forecasting models (fitted pipelines with
custom feature functions, hence dill rather than pickle) for each crop; the
season planner calls /predict with field features.
"""
import hashlib
import logging
import os
from pathlib import Path
from typing import Dict

import dill
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("models.registry")

MODEL_DIR = Path(os.environ.get("MODEL_DIR", "/srv/models/yield"))
CROPS = {"corn", "soybean", "wheat", "canola", "potato"}
MAX_MODEL_BYTES = 64 * 1024 * 1024


class ModelRegistry:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self._models: Dict[str, object] = {}

    def load_model(self, blob: bytes):
        model = dill.loads(blob)  # VULN flow
        if not callable(getattr(model, "predict", None)):
            raise ValueError("model has no predict()")
        return model

    def register(self, crop: str, blob: bytes) -> str:
        model = self.load_model(blob)
        digest = hashlib.sha256(blob).hexdigest()
        (self.root / f"{crop}.dill").write_bytes(blob)
        self._models[crop] = model
        log.info("registered %s model sha256=%s", crop, digest[:12])
        return digest

    def load_all(self) -> None:
        for path in self.root.glob("*.dill"):
            if path.stem in CROPS:
                self._models[path.stem] = self.load_model(path.read_bytes())

    def get(self, crop: str):
        return self._models.get(crop)


registry = ModelRegistry(MODEL_DIR)
registry.load_all()


@app.route("/models/<crop>", methods=["PUT"])
def upload_model(crop):
    if crop not in CROPS:
        abort(404)
    blob = request.get_data()
    if not blob or len(blob) > MAX_MODEL_BYTES:
        return jsonify(error="model payload missing or too large"), 413
    try:
        digest = registry.register(crop, blob)
    except Exception as exc:
        log.warning("rejected %s model: %r", crop, exc)
        return jsonify(error="model could not be loaded"), 400
    return jsonify(crop=crop, sha256=digest), 201


@app.route("/models/<crop>/predict", methods=["POST"])
def predict(crop):
    model = registry.get(crop)
    if model is None:
        abort(404)
    rows = request.get_json(force=True).get("fields", [])
    preds = model.predict([[f["gdd"], f["rain_mm"], f["n_kg_ha"], f["plant_pop_k"]] for f in rows])
    return jsonify([{"field_id": f["field_id"], "yield_t_ha": round(float(p), 2)} for f, p in zip(rows, preds)])
