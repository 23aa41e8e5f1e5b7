"""Derived-quantity endpoint for the plate-reader analysis service.

Users post measurement rows plus a formula such as ``(od600 - blank) * dilution``
and get the computed column back, one value per row.
"""
import ast
import logging
import math
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("derive")

MATH_NAMES = {name: getattr(math, name) for name in ("log", "log10", "exp", "sqrt", "pi", "e")}
MAX_ROWS = 5000
BIN_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Pow: operator.pow,
}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def compile_formula(formula: str):
    source = formula.strip().replace("^", "**")
    if len(source) > 200:
        raise SyntaxError("formula too long")
    return ast.parse(source, mode="eval")


def _eval_node(node, scope):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        left, right = _eval_node(node.left, scope), _eval_node(node.right, scope)
        if isinstance(node.op, ast.Pow) and abs(right) > 64:
            raise ValueError("exponent too large")
        return BIN_OPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand, scope))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        fn = scope.get(node.func.id)
        if callable(fn):
            return fn(*[_eval_node(a, scope) for a in node.args])
    raise ValueError(f"unsupported expression: {type(node).__name__}")


def apply_formula(code, row: dict):
    scope = dict(MATH_NAMES)
    scope.update({k: float(v) for k, v in row.items() if isinstance(v, (int, float))})
    return _eval_node(code, scope)


@app.route("/derive", methods=["POST"])
def derive():
    payload = request.get_json(force=True) or {}
    formula = payload.get("formula", "")
    rows = payload.get("rows", [])
    if not formula or not isinstance(rows, list):
        return jsonify(error="formula and rows required"), 400
    if len(rows) > MAX_ROWS:
        return jsonify(error="too many rows"), 413

    try:
        code = compile_formula(formula)
    except SyntaxError as exc:
        return jsonify(error=f"bad formula: {exc.msg}"), 400

    column = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            column.append(None)
            continue
        try:
            column.append(apply_formula(code, row))
        except ZeroDivisionError:
            column.append(None)
        except Exception as exc:  # unknown variable, domain error, ...
            log.info("row %d failed: %r", i, exc)
            column.append(None)
    return jsonify(formula=formula, column=column)


@app.route("/functions")
def functions():
    return jsonify(sorted(MATH_NAMES))
