"""Registry for precipitation-nowcasting models.

Data scientists upload a serialized model object (anything with a
``predict(frames) -> ndarray`` method); the nowcast worker picks up the
``current`` model for each region. Models are built and signed by the
training pipeline; uploads carry the pipeline's HMAC signature.
"""
import hashlib
import hmac
import logging
import os
import re
from datetime import datetime, timezone

import dill
import numpy as np
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("nowcast.registry")

MODEL_DIR = os.environ.get("NOWCAST_MODEL_DIR", "/srv/nowcast/models")
UPLOAD_TOKEN = os.environ.get("NOWCAST_UPLOAD_TOKEN", "")
SIGNING_KEY = os.environ.get("NOWCAST_SIGNING_KEY", "").encode()
NAME_RE = re.compile(r"^[a-z0-9_-]{3,40}$")
PROBE = np.zeros((4, 64, 64), dtype="float32")


def authorised() -> bool:
    supplied = request.headers.get("X-Upload-Token", "")
    return bool(UPLOAD_TOKEN) and hmac.compare_digest(supplied, UPLOAD_TOKEN)


def load_model_blob(blob: bytes, signature: str):
    if not SIGNING_KEY:
        raise RuntimeError("NOWCAST_SIGNING_KEY is not configured")
    expected = hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise PermissionError("model signature mismatch")
    model = dill.loads(blob)
    if not callable(getattr(model, "predict", None)):
        raise TypeError("uploaded object has no predict()")
    return model


@app.route("/models/<region>", methods=["POST"])
def upload_model(region):
    if not authorised():
        abort(401)
    if not NAME_RE.match(region):
        abort(400, "bad region name")
    upload = request.files.get("model")
    if upload is None:
        abort(400, "multipart field 'model' required")
    blob = upload.read()

    try:
        model = load_model_blob(blob, request.headers.get("X-Model-Signature", ""))
        out = np.asarray(model.predict(PROBE))
    except PermissionError:
        abort(403, "model signature mismatch")
    except Exception as exc:
        return jsonify({"ok": False, "error": f"{type(exc).__name__}: {exc}"}), 422
    if out.ndim != 3:
        return jsonify({"ok": False, "error": f"predict returned shape {out.shape}"}), 422

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    region_dir = os.path.join(MODEL_DIR, region)
    os.makedirs(region_dir, exist_ok=True)
    path = os.path.join(region_dir, f"{stamp}.dill")
    with open(path, "wb") as fh:
        fh.write(blob)
    current = os.path.join(region_dir, "current.dill")
    if os.path.lexists(current):
        os.unlink(current)
    os.symlink(path, current)
    log.info("new nowcast model for %s: %s (%d bytes)", region, stamp, len(blob))
    return jsonify({"ok": True, "version": stamp}), 201


@app.route("/models/<region>", methods=["GET"])
def list_versions(region):
    if not NAME_RE.match(region):
        abort(400)
    region_dir = os.path.join(MODEL_DIR, region)
    if not os.path.isdir(region_dir):
        abort(404)
    versions = sorted(f[:-5] for f in os.listdir(region_dir) if f.endswith(".dill") and f != "current.dill")
    return jsonify({"region": region, "versions": versions})
