"""Credit-risk scorecard registry: upload and hot-swap scoring models.

Scorecards are built and signed by the model-release pipeline; the
service verifies the release signature, keeps the active model in memory
and serves /score for the origination flow.
"""
import hashlib
import hmac
import io
import logging
import os
import shutil
import threading
from typing import List, Optional

import dill
from flask import Flask, abort, jsonify, request

from risk.auth import require_role

app = Flask(__name__)
log = logging.getLogger("risk.models")
MODEL_DIR = os.environ.get("MODEL_DIR", "/var/lib/risk/models")
MAX_ARTIFACT = 50 * 1024 * 1024
SIGNING_KEY = os.environ.get("MODEL_SIGNING_KEY", "").encode()


class ModelSlot:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model = None
        self.version: Optional[str] = None

    def swap(self, model, version: str) -> None:
        with self._lock:
            self._model, self.version = model, version

    def score(self, features: List[float]) -> float:
        with self._lock:
            if self._model is None:
                raise RuntimeError("no model loaded")
            return float(self._model.predict_proba([features])[0][1])


slot = ModelSlot()


def read_artifact(stream) -> bytes:
    buf = io.BytesIO()
    shutil.copyfileobj(stream, buf, 1024 * 1024)
    if buf.tell() > MAX_ARTIFACT:
        raise ValueError("artifact too large")
    return buf.getvalue()


def load_model(blob: bytes, signature: str):
    if not SIGNING_KEY:
        raise PermissionError("model signing key not configured")
    expected = hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature or ""):
        raise PermissionError("artifact signature mismatch")
    return dill.loads(blob)


@app.post("/models")
@require_role("quant")
def upload_model():
    artifact = request.files.get("artifact")
    if artifact is None:
        abort(400, "artifact file required")
    try:
        blob = read_artifact(artifact.stream)
    except ValueError as exc:
        abort(413, str(exc))
    version = hashlib.sha256(blob).hexdigest()[:12]
    try:
        model = load_model(blob, request.headers.get("X-Artifact-Signature", ""))
    except PermissionError as exc:
        log.warning("rejected unsigned scorecard %s: %s", version, exc)
        abort(403, "artifact must be signed by the release pipeline")
    if not hasattr(model, "predict_proba"):
        abort(422, "artifact is not a classifier")
    with open(os.path.join(MODEL_DIR, f"{version}.dill"), "wb") as fh:
        fh.write(blob)
    slot.swap(model, version)
    log.info("activated scorecard %s", version)
    return jsonify({"version": version}), 201


@app.post("/score")
def score():
    body = request.get_json(silent=True) or {}
    features = body.get("features")
    if not isinstance(features, list) or not all(isinstance(x, (int, float)) for x in features):
        abort(400, "features must be a list of numbers")
    try:
        pd = slot.score(features)
    except RuntimeError:
        abort(503, "no active scorecard")
    return jsonify({"version": slot.version, "pd": round(pd, 6)})
