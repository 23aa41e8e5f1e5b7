"""Entry point for the recommendation model server."""
import json
import logging
import os
import secrets

import numpy as np
from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["RECSYS_SECRET_KEY"]

log = logging.getLogger("recsys.server")
WEIGHTS_PATH = os.environ.get("RECSYS_WEIGHTS", "/models/recsys/current.json")


class FactorModel:
    def __init__(self, path: str):
        with open(path) as fh:
            blob = json.load(fh)
        self.version = blob["version"]
        self.items = blob["items"]
        self.item_factors = np.asarray(blob["item_factors"], dtype=np.float32)
        self.user_factors = {u: np.asarray(v, dtype=np.float32) for u, v in blob["user_factors"].items()}

    def recommend(self, user_id: str, k: int = 10):
        vec = self.user_factors.get(user_id)
        if vec is None:
            return []
        scores = self.item_factors @ vec
        top = np.argsort(-scores)[:k]
        return [{"item": self.items[i], "score": float(scores[i])} for i in top]


model = FactorModel(WEIGHTS_PATH)


@app.route("/recommend/<user_id>")
def recommend(user_id):
    k = max(1, min(int(request.args.get("k", 10)), 100))
    return jsonify({"model_version": model.version, "items": model.recommend(user_id, k)})


@app.route("/admin/login", methods=["POST"])
def admin_login():
    token = request.headers.get("X-Admin-Token", "")
    if not secrets.compare_digest(token, os.environ.get("RECSYS_ADMIN_TOKEN", "")) or not token:
        abort(403)
    session["admin"] = True
    return jsonify({"ok": True})


@app.route("/admin/reload", methods=["POST"])
def reload_model():
    global model
    if not session.get("admin"):
        abort(403)
    model = FactorModel(WEIGHTS_PATH)
    log.info("reloaded recsys model version %s", model.version)
    return jsonify({"model_version": model.version})


@app.route("/healthz")
def healthz():
    return jsonify({"status": "ok", "model_version": model.version})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=os.environ.get("BIND_HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")), debug=False)
