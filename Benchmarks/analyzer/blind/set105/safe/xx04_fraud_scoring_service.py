"""Fraud scoring endpoint used by the TPA integration to score incoming claims."""
import base64
import json
import logging
import os

import joblib
import numpy as np
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("fraud.score")

MODEL_PATH = os.environ.get("FRAUD_MODEL_PATH", "/opt/models/fraud_gbm_v7.joblib")
FEATURES = [
    "claim_amount", "days_since_inception", "prior_claims", "injury_flag",
    "night_loss", "third_party_count", "policy_age_days", "repairer_risk",
]
REVIEW_THRESHOLD = float(os.environ.get("FRAUD_REVIEW_THRESHOLD", "0.72"))
MAX_BATCH = 500

_model = None


def get_model():
    global _model
    if _model is None:
        _model = joblib.load(MODEL_PATH)
        log.info("loaded fraud model from %s", MODEL_PATH)
    return _model


def decode_batch(payload: dict):
    """The TPA ships its feature rows as a base64 blob of JSON records."""
    blob = base64.b64decode(payload["features"])
    rows = json.loads(blob)
    if not all(isinstance(r, dict) for r in rows):
        raise ValueError("rows must be objects")
    return rows


def to_matrix(rows):
    return np.array([[float(r.get(f, 0.0)) for f in FEATURES] for r in rows])


@app.route("/fraud/score", methods=["POST"])
def score():
    payload = request.get_json(force=True, silent=True) or {}
    if "features" not in payload:
        return jsonify({"error": "features missing"}), 400
    try:
        rows = decode_batch(payload)
    except (ValueError, TypeError):
        return jsonify({"error": "undecodable batch"}), 400
    if not isinstance(rows, list) or not rows or len(rows) > MAX_BATCH:
        return jsonify({"error": "batch must hold 1-%d rows" % MAX_BATCH}), 400

    probs = get_model().predict_proba(to_matrix(rows))[:, 1]
    results = []
    for row, p in zip(rows, probs):
        results.append({
            "claim_ref": row.get("claim_ref"),
            "score": round(float(p), 4),
            "refer_to_siu": bool(p >= REVIEW_THRESHOLD),
        })
    referred = sum(r["refer_to_siu"] for r in results)
    log.info("scored %d claims for partner %r, %d referred", len(results), payload.get("partner"), referred)
    return jsonify({"results": results})
