"""Calibration bundles for tank probes (temperature, pressure, dissolved O2).

Gateways upload a compiled correction function for each probe after a field
calibration; readings are passed through it before being stored.
"""
import logging
import marshal
import threading
import types

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
log = logging.getLogger("probes.calibration")

_CORRECTIONS = {}
_LOCK = threading.Lock()
SAFE_GLOBALS = {"__builtins__": {"min": min, "max": max, "abs": abs, "round": round}}


def identity(raw: float) -> float:
    return raw


class CalibrationBundle:
    def __init__(self, probe_id: str, code: types.CodeType):
        self.probe_id = probe_id
        self.fn = types.FunctionType(code, SAFE_GLOBALS, f"correct_{probe_id}")

    def apply(self, raw: float) -> float:
        return float(self.fn(raw))


@app.post("/gateways/<gw_id>/probes/<probe_id>/calibration")
def upload_calibration(gw_id, probe_id):
    if not probe_id.isalnum():
        abort(400, "bad probe id")
    code = marshal.loads(request.get_data())  # VULN
    if not isinstance(code, types.CodeType):
        abort(422, "bundle is not a code object")
    bundle = CalibrationBundle(probe_id, code)
    try:
        check = bundle.apply(20.0)
    except Exception:
        abort(422, "calibration function failed self-test")
    with _LOCK:
        _CORRECTIONS[probe_id] = bundle
    log.info("installed calibration for probe %s (self-test 20.0 -> %.3f)", probe_id, check)
    return jsonify({"probe": probe_id, "self_test": check}), 201


@app.post("/gateways/<gw_id>/probes/<probe_id>/readings")
def ingest_reading(gw_id, probe_id):
    body = request.get_json(silent=True) or {}
    try:
        raw = float(body["value"])
    except (KeyError, TypeError, ValueError):
        abort(400, "value required")
    with _LOCK:
        bundle = _CORRECTIONS.get(probe_id)
    corrected = bundle.apply(raw) if bundle else identity(raw)
    return jsonify({"probe": probe_id, "raw": raw, "corrected": corrected})
