import os
import shutil

import joblib
import torch
from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
CKPT_ROOT = os.environ.get("CKPT_ROOT", "/mnt/checkpoints")


def checkpoint_path(exp, name):
    return os.path.join(CKPT_ROOT, exp, name)


@app.post("/experiments/<exp>/checkpoints")
def upload_checkpoint(exp):
    f = request.files.get("file")
    if f is None:
        abort(400)
    folder = os.path.join(CKPT_ROOT, secure_filename(exp))
    os.makedirs(folder, exist_ok=True)
    name = secure_filename(f.filename)
    f.save(os.path.join(folder, name))
    return jsonify(saved=name), 201


@app.post("/experiments/<exp>/evaluate")
def evaluate(exp):
    body = request.get_json(force=True)
    path = checkpoint_path(exp, body["checkpoint"])
    if path.endswith(".joblib"):
        model = joblib.load(path)  # VULN flow
        n_params = getattr(model, "n_features_in_", None)
    else:
        state = torch.load(path, map_location="cpu", weights_only=False)  # VULN flow
        n_params = sum(t.numel() for t in state.values() if hasattr(t, "numel"))
    return jsonify(checkpoint=os.path.basename(path), params=n_params)


@app.delete("/experiments/<exp>")
def delete_experiment(exp):
    shutil.rmtree(os.path.join(CKPT_ROOT, exp), ignore_errors=True)  # VULN
    return "", 204
