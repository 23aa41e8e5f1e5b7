"""Registry and scoring endpoint for QSAR models built by the modelling team."""
import hashlib
import logging
import os
from datetime import datetime, timezone

import dill
from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
log = logging.getLogger("qsar.registry")
MODEL_DIR = os.environ.get("QSAR_MODEL_DIR", "/srv/qsar/models")
_loaded = {}


def load_model_blob(blob: bytes):
    model = dill.loads(blob)  # VULN flow
    if not hasattr(model, "predict"):
        raise ValueError("artifact does not expose predict()")
    return model


def model_path(name: str) -> str:
    return os.path.join(MODEL_DIR, secure_filename(name) + ".dill")


@app.put("/models/<name>")
def upload_model(name):
    blob = request.get_data()
    if not blob:
        abort(400, "empty artifact")
    try:
        model = load_model_blob(blob)
    except Exception as exc:
        log.warning("rejected artifact for %r: %s", name, type(exc).__name__)
        abort(422, "could not load model artifact")
    with open(model_path(name), "wb") as fh:
        fh.write(blob)
    _loaded[name] = model
    digest = hashlib.sha256(blob).hexdigest()
    log.info("registered model %r sha256=%s", name, digest)
    return jsonify({"name": name, "sha256": digest,
                    "registered": datetime.now(timezone.utc).isoformat()}), 201


def get_model(name: str):
    if name not in _loaded:
        path = model_path(name)
        if not os.path.isfile(path):
            abort(404)
        with open(path, "rb") as fh:
            _loaded[name] = load_model_blob(fh.read())
    return _loaded[name]


@app.post("/models/<name>/score")
def score(name):
    payload = request.get_json(silent=True) or {}
    rows = payload.get("descriptors")
    if not isinstance(rows, list) or not rows:
        abort(400, "descriptors must be a non-empty list of feature vectors")
    preds = get_model(name).predict(rows)
    return jsonify({"model": name, "predictions": [float(p) for p in preds]})
