"""Model upload endpoint for the scoring fleet.

CI pushes freshly trained estimators here; the service swaps them in
without a restart.
"""
import logging
import os
import pickle
import threading

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("scoring.models")

MODEL_ROOT = os.environ.get("MODEL_ROOT", "/srv/scoring/models")
MAX_UPLOAD = 512 * 1024 * 1024

_lock = threading.Lock()
_active = {}


def _destination(model_name: str, version: str) -> str:
    filename = f"{model_name}-{version}.pkl"
    return os.path.join(MODEL_ROOT, filename)


def _deserialize(blob: bytes):
    return pickle.loads(blob)  # VULN flow


@app.route("/models", methods=["POST"])
def upload_model():
    upload = request.files.get("artifact")
    if upload is None:
        abort(400, "artifact missing")
    model_name = request.form.get("name", "default")
    version = request.form.get("version", "0")

    blob = upload.read(MAX_UPLOAD + 1)
    if len(blob) > MAX_UPLOAD:
        abort(413)

    estimator = _deserialize(blob)
    if not hasattr(estimator, "predict"):
        abort(422, "uploaded object has no predict()")

    dest = _destination(model_name, version)
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(blob)

    with _lock:
        _active[model_name] = estimator
    log.info("activated model %r version %r", model_name, version)
    return jsonify({"name": model_name, "version": version, "path": dest}), 201


@app.route("/models/<name>/predict", methods=["POST"])
def predict(name):
    with _lock:
        est = _active.get(name)
    if est is None:
        abort(404)
    rows = (request.get_json(force=True) or {}).get("rows", [])
    preds = est.predict(rows)
    return jsonify({"model": name, "predictions": [float(p) for p in preds]})


@app.route("/models", methods=["GET"])
def list_models():
    with _lock:
        names = sorted(_active)
    return jsonify({"active": names})
