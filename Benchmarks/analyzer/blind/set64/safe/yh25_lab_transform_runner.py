"""Post-processing transforms for lab instrument exports.

Analysts attach a transform to an instrument method (e.g. baseline
correction for a UV-Vis scan). When a new export arrives the transform is
applied and the result stored next to the raw data.
"""
import json
import logging
import math
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("lab.transforms")
DB = "/var/lib/lims/transforms.db"


def db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


def _baseline(points, offset=0.0):
    low = min(points) if points else 0.0
    return [p - low - float(offset) for p in points]


def _scale(points, factor=1.0):
    return [p * float(factor) for p in points]


def _log10(points):
    return [math.log10(p) if p > 0 else None for p in points]


TRANSFORMS = {"baseline": _baseline, "scale": _scale, "log10": _log10}


class TransformStore:
    def save(self, method_id, source):
        with db() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO transform (method_id, source) VALUES (?, ?)",
                (method_id, source),
            )

    def load(self, method_id):
        with db() as conn:
            row = conn.execute(
                "SELECT source FROM transform WHERE method_id = ?", (method_id,)
            ).fetchone()
        return row["source"] if row else None


store = TransformStore()


def apply_transform(source, points):
    spec = json.loads(source)
    func = TRANSFORMS[spec["name"]]
    return func([float(p) for p in points], **spec.get("params", {}))


@app.route("/lab/methods/<method_id>/transform", methods=["PUT"])
def put_transform(method_id):
    source = request.get_data(as_text=True)
    if not source.strip():
        abort(400)
    spec = json.loads(source)
    if spec.get("name") not in TRANSFORMS:
        abort(400)
    store.save(method_id, source)
    return jsonify(saved=True, method_id=method_id)


@app.route("/lab/methods/<method_id>/run", methods=["POST"])
def run_transform(method_id):
    source = store.load(method_id)
    if source is None:
        abort(404)
    points = request.get_json(force=True).get("points", [])
    try:
        result = apply_transform(source, points)
    except Exception as exc:
        log.exception("transform for %r failed", method_id)
        return jsonify(error=str(exc)), 422
    return app.response_class(json.dumps({"result": result}), mimetype="application/json")
