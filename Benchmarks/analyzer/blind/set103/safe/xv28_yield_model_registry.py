"""Yield-forecast model registry.

Data scientists push serialized forecasting models (fitted pipelines with
custom feature functions, hence dill rather than pickle) for each crop; the
season planner calls /predict with field features. Models are signed by the
training pipeline and the signature travels in X-Model-Signature.
"""
import hashlib
import hmac
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
SIGNING_KEY = os.environ["MODEL_SIGNING_KEY"].encode()


class ModelRegistry:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self._models: Dict[str, object] = {}

    @staticmethod
    def _signature(blob: bytes) -> str:
        return hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()

    def load_model(self, blob: bytes, signature: str):
        if not hmac.compare_digest(self._signature(blob), signature or ""):
            raise PermissionError("model signature mismatch")
        model = dill.loads(blob)
        if not callable(getattr(model, "predict", None)):
            raise ValueError("model has no predict()")
        return model

    def register(self, crop: str, blob: bytes, signature: str) -> str:
        model = self.load_model(blob, signature)
        digest = hashlib.sha256(blob).hexdigest()
        (self.root / f"{crop}.dill").write_bytes(blob)
        (self.root / f"{crop}.sig").write_text(signature)
        self._models[crop] = model
        log.info("registered %s model sha256=%s", crop, digest[:12])
        return digest

    def load_all(self) -> None:
        for path in self.root.glob("*.dill"):
            sig_path = path.with_suffix(".sig")
            if path.stem in CROPS and sig_path.exists():
                self._models[path.stem] = self.load_model(path.read_bytes(), sig_path.read_text().strip())

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
        digest = registry.register(crop, blob, request.headers.get("X-Model-Signature", ""))
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
