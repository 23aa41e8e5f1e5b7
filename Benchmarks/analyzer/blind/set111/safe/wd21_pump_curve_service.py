"""Pump curve service for the hydraulic modelling team.

Engineers register a manufacturer head curve and query the operating
point against a system curve H = static + k * Q^2.
"""
import logging

import numpy as np
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("pump_curves")

CURVES = {}
Q_GRID = np.linspace(0.0, 600.0, 1201)  # l/s
MAX_DEGREE = 4


def compile_curve(spec: dict):
    """Turn the submitted head polynomial coefficients (a0 + a1*q + ...) into a callable."""
    coeffs = [float(c) for c in spec["head_coefficients"]]
    if not 1 <= len(coeffs) <= MAX_DEGREE + 1:
        raise ValueError(f"expected 1..{MAX_DEGREE + 1} coefficients")
    if not all(np.isfinite(coeffs)):
        raise ValueError("coefficients must be finite")
    return np.polynomial.Polynomial(coeffs)


def operating_point(head_fn, static_head: float, k: float):
    pump = np.array([head_fn(q) for q in Q_GRID], dtype=float)
    system = static_head + k * Q_GRID ** 2
    diff = np.abs(pump - system)
    idx = int(np.argmin(diff))
    return float(Q_GRID[idx]), float(pump[idx]), float(diff[idx])


@app.post("/curves")
def register_curve():
    spec = request.get_json(force=True) or {}
    curve_id = str(spec.get("id", "")).strip()
    if not curve_id or "head_coefficients" not in spec:
        abort(400, "id and head_coefficients are required")
    try:
        fn = compile_curve(spec)
        shutoff = float(fn(0.0))
    except Exception as exc:
        return jsonify({"error": f"cannot compile curve: {exc}"}), 422
    CURVES[curve_id] = {"spec": spec, "fn": fn}
    log.info("registered curve %r (shutoff head %.1f m)", curve_id, shutoff)
    return jsonify({"id": curve_id, "shutoff_head_m": shutoff}), 201


@app.get("/curves/<curve_id>/operating-point")
def get_operating_point(curve_id):
    curve = CURVES.get(curve_id)
    if curve is None:
        abort(404)
    static_head = request.args.get("static", type=float, default=0.0)
    k = request.args.get("k", type=float)
    if k is None or k <= 0:
        abort(400, "k must be positive")
    q, h, err = operating_point(curve["fn"], static_head, k)
    return jsonify({"curve": curve_id, "flow_lps": q, "head_m": h, "residual": err})
