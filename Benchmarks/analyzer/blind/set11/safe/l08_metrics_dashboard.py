"""Small internal dashboard that plots metrics and derived series."""
import ast
import operator
import os

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
PROM_URL = os.environ.get("PROM_URL", "http://prometheus:9090")
SERIES = {
    "rps": 'sum(rate(http_requests_total[5m]))',
    "errors": 'sum(rate(http_requests_total{code=~"5.."}[5m]))',
    "p95": 'histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))',
}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def fetch(name):
    resp = requests.get(f"{PROM_URL}/api/v1/query", params={"query": SERIES[name]}, timeout=5)
    resp.raise_for_status()
    result = resp.json()["data"]["result"]
    return float(result[0]["value"][1]) if result else 0.0


def evaluate(node, values):
    if isinstance(node, ast.Expression):
        return evaluate(node.body, values)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in values:
        return values[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](evaluate(node.left, values), evaluate(node.right, values))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -evaluate(node.operand, values)
    raise ValueError("unsupported expression")


@app.route("/api/series/<name>")
def series(name):
    if name not in SERIES:
        return jsonify({"error": "unknown series"}), 404
    return jsonify({"name": name, "value": fetch(name)})


@app.route("/api/derived")
def derived():
    formula = request.args.get("formula", "0")[:200]
    values = {name: fetch(name) for name in SERIES}
    try:
        result = evaluate(ast.parse(formula, mode="eval"), values)
    except (SyntaxError, ValueError, ZeroDivisionError):
        return jsonify({"error": "invalid formula"}), 400
    return jsonify({"formula": formula, "value": result})


if __name__ == "__main__":
    app.run(host=os.environ.get("DASH_HOST", "127.0.0.1"), port=8050, debug=False)
