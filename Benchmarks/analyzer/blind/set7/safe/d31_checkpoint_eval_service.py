import os
import shutil
import uuid

import torch
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
CKPT_ROOT = os.environ.get("CKPT_ROOT", "/mnt/checkpoints")


def experiment_dir(exp):
    try:
        return os.path.join(CKPT_ROOT, uuid.UUID(exp).hex)
    except ValueError:
        abort(404)


def checkpoint_path(exp, step):
    return os.path.join(experiment_dir(exp), f"step_{step:08d}.pt")


@app.get("/experiments/<exp>/checkpoints")
def list_checkpoints(exp):
    folder = experiment_dir(exp)
    if not os.path.isdir(folder):
        abort(404)
    return jsonify(sorted(n for n in os.listdir(folder) if n.endswith(".pt")))


@app.post("/experiments/<exp>/evaluate")
def evaluate(exp):
    body = request.get_json(force=True)
    try:
        step = int(body["step"])
    except (KeyError, TypeError, ValueError):
        abort(400)
    if step < 0:
        abort(400)
    path = checkpoint_path(exp, step)
    if not os.path.isfile(path):
        abort(404)
    state = torch.load(path, map_location="cpu", weights_only=True)
    n_params = sum(t.numel() for t in state.values() if hasattr(t, "numel"))
    return jsonify(checkpoint=os.path.basename(path), params=n_params)


@app.delete("/experiments/<exp>")
def delete_experiment(exp):
    shutil.rmtree(experiment_dir(exp), ignore_errors=True)
    return "", 204
