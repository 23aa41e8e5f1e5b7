"""Preview derived features before they are registered in the feature store.

Analysts type an arithmetic expression over existing columns
(e.g. ``clicks / impressions``) and get the values over a sample.
"""
import ast
import logging
import math
import operator

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
_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class DerivedFeature:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()
        self.tree = ast.parse(self.expression, mode="eval")

    def _eval(self, node, row):
        if isinstance(node, ast.Expression):
            return self._eval(node.body, row)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in row:
            return row[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            left, right = self._eval(node.left, row), self._eval(node.right, row)
            if isinstance(node.op, ast.Pow) and abs(right) > 8:
                raise ValueError("exponent too large")
            return _BINOPS[type(node.op)](left, right)
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            return _UNARY[type(node.op)](self._eval(node.operand, row))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in SAFE_FUNCS and not node.keywords):
            return SAFE_FUNCS[node.func.id](*(self._eval(a, row) for a in node.args))
        raise ValueError(f"unsupported expression element: {type(node).__name__}")

    def compute(self, row: dict):
        return self._eval(self.tree, row)


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

    try:
        feature = DerivedFeature(spec["name"], spec["expression"])
    except SyntaxError:
        return jsonify({"error": "expression does not parse"}), 400
    rows = load_sample(spec.get("entity", "campaign"), min(int(spec.get("limit", 20)), 200))

    out, errors = [], 0
    for row in rows:
        try:
            out.append({"entity_id": row["entity_id"], feature.name: feature.compute(row)})
        except (ZeroDivisionError, ValueError, TypeError, OverflowError):
            errors += 1

    log.info("previewed %r over %d rows (%d errors)", feature.name, len(rows), errors)
    return jsonify({"feature": feature.name, "values": out, "errors": errors})
