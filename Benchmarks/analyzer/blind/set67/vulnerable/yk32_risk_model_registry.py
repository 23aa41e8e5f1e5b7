"""Model registry for polygenic risk classifiers used in the cohort portal.

Analysts upload trained classifiers; the portal scores participants against them.
"""
import logging
import os
import pickle
import re
import threading
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("model-registry")

MODEL_DIR = Path(os.environ.get("MODEL_DIR", "/srv/models"))
NAME_RE = re.compile(r"^[a-z0-9_]{3,40}$")
MAX_MODEL_BYTES = 50 * 1024 * 1024


class ModelCache:
    def __init__(self, root: Path):
        self.root = root
        self._models = {}
        self._lock = threading.Lock()

    def path_for(self, name: str) -> Path:
        return self.root / f"{name}.pkl"

    def invalidate(self, name: str) -> None:
        with self._lock:
            self._models.pop(name, None)

    def get(self, name: str):
        with self._lock:
            if name in self._models:
                return self._models[name]
        path = self.path_for(name)
        if not path.exists():
            return None
        with open(path, "rb") as fh:
            model = pickle.load(fh)  # VULN flow
        with self._lock:
            self._models[name] = model
        return model


cache = ModelCache(MODEL_DIR)


@app.post("/models/<name>")
def upload_model(name):
    if not NAME_RE.match(name):
        abort(400, "invalid model name")
    upload = request.files.get("model")
    if upload is None:
        abort(400, "model file missing")
    blob = upload.read(MAX_MODEL_BYTES + 1)
    if len(blob) > MAX_MODEL_BYTES:
        abort(413)
    cache.path_for(name).write_bytes(blob)
    cache.invalidate(name)
    log.info("model %s uploaded (%d bytes)", name, len(blob))
    return jsonify(model=name, bytes=len(blob)), 201


@app.post("/models/<name>/score")
def score(name):
    if not NAME_RE.match(name):
        abort(404)
    model = cache.get(name)
    if model is None:
        abort(404)
    payload = request.get_json(force=True) or {}
    features = payload.get("features")
    if not isinstance(features, list):
        abort(400, "features must be a list")
    proba = float(model.predict_proba([features])[0][1])
    return jsonify(model=name, risk=proba)
