"""Derived-quantity endpoint for the plate-reader analysis service.

Users post measurement rows plus a formula such as ``(od600 - blank) * dilution``
and get the computed column back, one value per row.
"""
import logging
import math

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("derive")

MATH_NAMES = {name: getattr(math, name) for name in ("log", "log10", "exp", "sqrt", "pi", "e")}
MAX_ROWS = 5000


def compile_formula(formula: str):
    source = formula.strip().replace("^", "**")
    return compile(source, "<formula>", "eval")


def apply_formula(code, row: dict):
    scope = dict(MATH_NAMES)
    scope.update({k: float(v) for k, v in row.items() if isinstance(v, (int, float))})
    return eval(code, {"__builtins__": {}}, scope)  # VULN flow


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
