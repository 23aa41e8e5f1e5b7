"""Model upload endpoint for the scoring fleet.

CI pushes freshly trained estimators here; the service swaps them in
without a restart.
"""
import hashlib
import hmac
import logging
import os
import pickle
import re
import threading

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("scoring.models")

MODEL_ROOT = os.path.realpath(os.environ.get("MODEL_ROOT", "/srv/scoring/models"))
MAX_UPLOAD = 512 * 1024 * 1024
SIGNING_KEY = os.environ["MODEL_SIGNING_KEY"].encode()
NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
VERSION_RE = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6}){0,3}")

_lock = threading.Lock()
_active = {}


def _destination(model_name: str, version: str) -> str:
    if not NAME_RE.fullmatch(model_name) or not VERSION_RE.fullmatch(version):
        raise ValueError("invalid model name or version")
    filename = f"{model_name}-{version}.pkl"
    path = os.path.realpath(os.path.join(MODEL_ROOT, filename))
    if os.path.commonpath([path, MODEL_ROOT]) != MODEL_ROOT:
        raise ValueError("path escapes model root")
    return path


def _signature_ok(blob: bytes, signature: str) -> bool:
    expected = hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def _deserialize(blob: bytes, signature: str):
    if not _signature_ok(blob, signature):
        raise PermissionError("artifact signature mismatch")
    return pickle.loads(blob)


@app.route("/models", methods=["POST"])
def upload_model():
    upload = request.files.get("artifact")
    if upload is None:
        abort(400, "artifact missing")
    model_name = request.form.get("name", "default")
    version = request.form.get("version", "0")
    signature = request.headers.get("X-Artifact-Signature", "")

    try:
        dest = _destination(model_name, version)
    except ValueError:
        abort(400, "bad model name or version")

    blob = upload.read(MAX_UPLOAD + 1)
    if len(blob) > MAX_UPLOAD:
        abort(413)

    try:
        estimator = _deserialize(blob, signature)
    except PermissionError:
        abort(403, "artifact not signed by CI")
    if not hasattr(estimator, "predict"):
        abort(422, "uploaded object has no predict()")

    with open(dest, "wb") as fh:
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
