"""Derived fermentation metrics (apparent attenuation, ABV estimates, ...).

Lab staff define metrics as small formulas in the QA dashboard; the preview
endpoint evaluates a formula against a batch's gravity readings.
"""
import ast
import logging
import operator
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qa.metrics")
DB_PATH = "/var/lib/brewhouse/batches.db"

ALLOWED_VARS = ("og", "sg", "temp_c", "hours")
_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class DerivedMetric:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()
        self._tree = ast.parse(self.expression, mode="eval")

    def _eval(self, node, scope):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in scope:
            return scope[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
            left, right = self._eval(node.left, scope), self._eval(node.right, scope)
            if isinstance(node.op, ast.Pow) and abs(right) > 8:
                raise ValueError("exponent too large")
            return _BIN_OPS[type(node.op)](left, right)
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
            return _UNARY_OPS[type(node.op)](self._eval(node.operand, scope))
        raise ValueError("unsupported expression")

    def evaluate(self, reading: dict) -> float:
        scope = {k: float(reading[k]) for k in ALLOWED_VARS}
        return self._eval(self._tree.body, scope)


def load_readings(batch_no: int):
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        og_row = conn.execute("SELECT og FROM batches WHERE batch_no = ?", (batch_no,)).fetchone()
        if og_row is None:
            return None
        rows = conn.execute(
            "SELECT gravity AS sg, temp_c, hours_since_pitch AS hours FROM gravity_readings "
            "WHERE batch_no = ? ORDER BY hours_since_pitch",
            (batch_no,),
        ).fetchall()
    return [dict(r, og=og_row["og"]) for r in rows]


@app.post("/api/metrics/preview")
def preview_metric():
    body = request.get_json(silent=True) or {}
    try:
        metric = DerivedMetric(body.get("name", "preview"), body["expression"])
        batch_no = int(body["batch_no"])
    except (KeyError, TypeError, ValueError, AttributeError, SyntaxError):
        abort(400, "name, expression and batch_no are required")

    readings = load_readings(batch_no)
    if readings is None:
        abort(404, "unknown batch")

    series = []
    for r in readings:
        try:
            series.append({"hours": r["hours"], "value": round(metric.evaluate(r), 4)})
        except (ZeroDivisionError, OverflowError):
            series.append({"hours": r["hours"], "value": None})
        except ValueError:
            abort(400, "unsupported expression")
    log.info("previewed metric %r on batch %d (%d points)", metric.name, batch_no, len(series))
    return jsonify({"metric": metric.name, "series": series})
