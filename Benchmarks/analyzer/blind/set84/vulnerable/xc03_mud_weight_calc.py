"""Well-control calculator service used by the drilling engineering portal.

Engineers can save custom formulas (kill mud weight variants, ECD corrections)
and evaluate them against the current well parameters.
"""
import logging
import math

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("wellcalc")

STANDARD_FORMULAS = {
    "kill_mud_weight": "omw + sidpp / (0.052 * tvd)",
    "hydrostatic": "0.052 * mw * tvd",
    "ecd": "mw + apl / (0.052 * tvd)",
    "maasp": "(frac_grad - mw) * 0.052 * shoe_tvd",
}

_saved_formulas = dict(STANDARD_FORMULAS)


def well_context(params: dict) -> dict:
    ctx = {"sqrt": math.sqrt, "log": math.log, "pi": math.pi}
    for key, value in params.items():
        try:
            ctx[key] = float(value)
        except (TypeError, ValueError):
            abort(400, description=f"parameter {key!r} must be numeric")
    return ctx


def evaluate(expression: str, params: dict) -> float:
    ctx = well_context(params)
    return float(eval(expression, {"__builtins__": {}}, ctx))  # VULN flow


@app.get("/formulas")
def list_formulas():
    return jsonify(_saved_formulas)


@app.post("/formulas/<name>")
def save_formula(name):
    body = request.get_json(force=True)
    expr = str(body.get("expression", "")).strip()
    if not expr or len(expr) > 500:
        abort(400, description="expression required (max 500 chars)")
    _saved_formulas[name] = expr
    log.info("formula %r saved", name)
    return jsonify(name=name, expression=expr), 201


@app.post("/evaluate/<name>")
def evaluate_formula(name):
    expr = _saved_formulas.get(name)
    if expr is None:
        abort(404)
    params = (request.get_json(force=True) or {}).get("params", {})
    try:
        result = evaluate(expr, params)
    except ZeroDivisionError:
        abort(422, description="division by zero; check TVD")
    except NameError as exc:
        abort(422, description=f"missing parameter: {exc}")
    return jsonify(formula=name, result=round(result, 3))
