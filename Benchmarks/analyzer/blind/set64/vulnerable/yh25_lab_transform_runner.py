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
    namespace = {"math": math, "points": list(points), "result": None}
    exec(source, namespace)  # VULN flow
    return namespace.get("result")


@app.route("/lab/methods/<method_id>/transform", methods=["PUT"])
def put_transform(method_id):
    source = request.get_data(as_text=True)
    if not source.strip():
        abort(400)
    compile(source, "<transform>", "exec")
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
