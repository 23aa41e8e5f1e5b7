"""Battery state-of-health model server.

Data scientists upload retrained SoH regressors (scikit-learn pipelines
exported with joblib) through this service; the fleet analytics jobs call
/predict with per-vehicle features (cycle count, avg DoD, cell temp stats).
Only artifacts whose SHA-256 has been approved in the MLOps release manifest
can be activated.
"""
import hashlib
import io
import json
import logging
import os
import threading

import joblib
import numpy as np
from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
log = logging.getLogger("soh.models")

MODEL_DIR = os.environ.get("SOH_MODEL_DIR", "/srv/models/soh")
APPROVED_MANIFEST = os.environ.get("SOH_APPROVED_MANIFEST", "/etc/soh/approved_models.json")
FEATURES = ("cycle_count", "avg_dod", "cell_temp_mean", "cell_temp_max", "fast_charge_ratio", "age_days")


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class ModelRegistry:
    def __init__(self, model_dir: str, manifest: str):
        self.model_dir = model_dir
        self.manifest = manifest
        self._lock = threading.Lock()
        self.active = None
        self.active_name = None

    def path_for(self, name: str) -> str:
        return os.path.join(self.model_dir, secure_filename(name))

    def approved_digests(self) -> set:
        with open(self.manifest) as fh:
            return {entry["sha256"].lower() for entry in json.load(fh).get("models", [])}

    def activate(self, name: str) -> None:
        path = self.path_for(name)
        if not os.path.isfile(path):
            raise FileNotFoundError(name)
        with open(path, "rb") as fh:
            blob = fh.read()
        if hashlib.sha256(blob).hexdigest() not in self.approved_digests():
            raise TypeError("artifact digest is not in the approved release manifest")
        model = joblib.load(io.BytesIO(blob))
        if not hasattr(model, "predict"):
            raise TypeError("artifact has no predict()")
        with self._lock:
            self.active, self.active_name = model, name
        log.info("activated SoH model %r", name)


registry = ModelRegistry(MODEL_DIR, APPROVED_MANIFEST)


@app.post("/models")
def upload_model():
    upload = request.files.get("model")
    if upload is None or not upload.filename.endswith(".joblib"):
        abort(400, "expected a .joblib artifact")
    path = registry.path_for(upload.filename)
    upload.save(path)
    log.info("stored model artifact %r (%d bytes)", upload.filename, os.path.getsize(path))
    return jsonify(name=os.path.basename(path), sha256=sha256_file(path)), 201


@app.post("/models/<name>/activate")
def activate_model(name):
    try:
        registry.activate(name)
    except FileNotFoundError:
        abort(404)
    except TypeError as exc:
        abort(422, str(exc))
    return jsonify(active=registry.active_name)


@app.post("/predict")
def predict():
    if registry.active is None:
        abort(503, "no active model")
    rows = request.get_json(force=True).get("vehicles", [])
    try:
        X = np.array([[float(r[f]) for f in FEATURES] for r in rows])
    except (KeyError, TypeError, ValueError):
        abort(400, "every vehicle needs %s" % ", ".join(FEATURES))
    soh = registry.active.predict(X) if len(X) else []
    return jsonify(model=registry.active_name,
                   predictions=[{"vin": r.get("vin"), "soh": round(float(s), 4)} for r, s in zip(rows, soh)])
