"""Preview derived features before they are registered in the feature store.

Analysts type an arithmetic expression over existing columns
(e.g. ``clicks / impressions``) and get the values over a sample.
"""
import logging
import math

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("featurestore.preview")

SAFE_FUNCS = {
    "log": math.log,
    "sqrt": math.sqrt,
    "abs": abs,
    "min": min,
    "max": max,
}


class DerivedFeature:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()

    def compute(self, row: dict):
        scope = dict(SAFE_FUNCS)
        scope.update(row)
        return eval(self.expression, {"__builtins__": {}}, scope)  # VULN flow


def load_sample(entity: str, limit: int = 20):
    # stand-in for the offline store reader used in staging
    return [
        {"entity_id": f"{entity}-{i}", "clicks": i * 3, "impressions": 10 + i, "spend": 1.5 * i}
        for i in range(limit)
    ]


@app.route("/features/preview", methods=["POST"])
def preview():
    spec = request.get_json(force=True) or {}
    if "name" not in spec or "expression" not in spec:
        return jsonify({"error": "name and expression are required"}), 400

    feature = DerivedFeature(spec["name"], spec["expression"])
    rows = load_sample(spec.get("entity", "campaign"), min(int(spec.get("limit", 20)), 200))

    out, errors = [], 0
    for row in rows:
        try:
            out.append({"entity_id": row["entity_id"], feature.name: feature.compute(row)})
        except (ZeroDivisionError, ValueError, TypeError, NameError, KeyError):
            errors += 1

    log.info("previewed %r over %d rows (%d errors)", feature.name, len(rows), errors)
    return jsonify({"feature": feature.name, "values": out, "errors": errors})
