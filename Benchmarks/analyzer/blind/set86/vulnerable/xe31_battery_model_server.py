"""Battery state-of-health model server.

Data scientists upload retrained SoH regressors (scikit-learn pipelines
exported with joblib) through this service; the fleet analytics jobs call
/predict with per-vehicle features (cycle count, avg DoD, cell temp stats).
"""
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
FEATURES = ("cycle_count", "avg_dod", "cell_temp_mean", "cell_temp_max", "fast_charge_ratio", "age_days")


class ModelRegistry:
    def __init__(self, model_dir: str):
        self.model_dir = model_dir
        self._lock = threading.Lock()
        self.active = None
        self.active_name = None

    def path_for(self, name: str) -> str:
        return os.path.join(self.model_dir, secure_filename(name))

    def activate(self, name: str) -> None:
        path = self.path_for(name)
        if not os.path.isfile(path):
            raise FileNotFoundError(name)
        model = joblib.load(path)  # VULN flow
        if not hasattr(model, "predict"):
            raise TypeError("artifact has no predict()")
        with self._lock:
            self.active, self.active_name = model, name
        log.info("activated SoH model %r", name)


registry = ModelRegistry(MODEL_DIR)


@app.post("/models")
def upload_model():
    upload = request.files.get("model")
    if upload is None or not upload.filename.endswith(".joblib"):
        abort(400, "expected a .joblib artifact")
    path = registry.path_for(upload.filename)
    upload.save(path)
    log.info("stored model artifact %r (%d bytes)", upload.filename, os.path.getsize(path))
    return jsonify(name=os.path.basename(path)), 201


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
