"""Tiny model-serving endpoint for linear surrogate models trained on the cluster."""
import logging
import os
import re
import threading

import numpy as np
from flask import Flask, abort, jsonify, request

MODEL_DIR = os.environ.get("MODEL_DIR", "/srv/surrogates/models")
NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_MODEL_BYTES = 50 * 1024 * 1024

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = MAX_MODEL_BYTES
log = logging.getLogger("surrogates")


def model_path(name: str) -> str:
    if not NAME_RE.match(name):
        abort(404)
    return os.path.join(MODEL_DIR, f"{name}.npz")


class ModelCache:
    def __init__(self):
        self._models = {}
        self._lock = threading.Lock()

    def invalidate(self, name: str) -> None:
        with self._lock:
            self._models.pop(name, None)

    def get(self, name: str) -> dict:
        with self._lock:
            if name not in self._models:
                self._models[name] = self._load(model_path(name))
            return self._models[name]

    @staticmethod
    def _load(path: str) -> dict:
        if not os.path.exists(path):
            abort(404)
        with np.load(path, allow_pickle=False) as model:
            return {"coef": np.asarray(model["coef"], dtype=float), "intercept": float(model["intercept"])}


cache = ModelCache()


@app.post("/models/<name>")
def upload_model(name):
    upload = request.files.get("file")
    if upload is None:
        abort(400, "file field is required")
    path = model_path(name)
    upload.save(path)
    cache.invalidate(name)
    log.info("stored model %r (%d bytes)", name, os.path.getsize(path))
    return jsonify(model=name), 201


@app.post("/models/<name>/predict")
def predict(name):
    model = cache.get(name)
    inputs = np.asarray(request.get_json(force=True).get("inputs", []), dtype=float)
    if inputs.ndim != 2 or inputs.shape[1] != model["coef"].shape[0]:
        abort(400, "inputs must be a 2-D array matching the model dimension")
    preds = inputs @ model["coef"] + model["intercept"]
    return jsonify(predictions=preds.tolist())


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
