"""Model registry endpoint for the container dwell-time predictor used in yard planning."""
import hashlib
import hmac
import logging
import os
import threading
from datetime import datetime, timezone

import dill
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("dwell_models")

MODEL_DIR = os.environ.get("DWELL_MODEL_DIR", "/srv/models/dwell")
MAX_MODEL_BYTES = 200 * 1024 * 1024
FEATURES = ("vessel_delay_h", "customs_hold", "consignee_history_days", "teu", "reefer", "weekday")
# training pipeline signs every artefact with this key
SIGNING_KEY = os.environ["DWELL_MODEL_SIGNING_KEY"].encode()


class ModelRegistry:
    def __init__(self):
        self._lock = threading.Lock()
        self.active = None
        self.meta = {}

    @staticmethod
    def load_blob(blob: bytes, signature: str):
        expected = hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature or ""):
            raise ValueError("model signature mismatch")
        return dill.loads(blob)

    def activate(self, blob: bytes, signature: str, uploaded_by: str) -> dict:
        model = self.load_blob(blob, signature)
        if not hasattr(model, "predict"):
            raise ValueError("object has no predict()")
        digest = hashlib.sha256(blob).hexdigest()
        with open(os.path.join(MODEL_DIR, "%s.dill" % digest), "wb") as fh:
            fh.write(blob)
        with self._lock:
            self.active = model
            self.meta = {
                "sha256": digest,
                "uploaded_by": uploaded_by,
                "activated_at": datetime.now(timezone.utc).isoformat(),
            }
        return self.meta


registry = ModelRegistry()


@app.route("/models/dwell", methods=["POST"])
def upload_model():
    upload = request.files.get("model")
    if upload is None:
        return jsonify(error="model file required"), 400
    blob = upload.read(MAX_MODEL_BYTES + 1)
    if len(blob) > MAX_MODEL_BYTES:
        return jsonify(error="model too large"), 413
    uploader = request.headers.get("X-Planner-Id", "unknown")
    signature = request.headers.get("X-Model-Signature", "")
    try:
        meta = registry.activate(blob, signature, uploader)
    except Exception as exc:
        log.warning("model upload rejected: %r", exc)
        return jsonify(error="invalid model"), 422
    return jsonify(meta), 201


@app.route("/predict/dwell", methods=["POST"])
def predict():
    if registry.active is None:
        return jsonify(error="no active model"), 503
    rows = request.get_json(force=True) or []
    matrix = [[float(r.get(f, 0)) for f in FEATURES] for r in rows]
    return jsonify(predictions=[float(p) for p in registry.active.predict(matrix)], model=registry.meta)
