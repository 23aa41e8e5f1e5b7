"""Well-control calculator service used by the drilling engineering portal.

Engineers can save custom formulas (kill mud weight variants, ECD corrections)
and evaluate them against the current well parameters.
"""
import ast
import logging
import math
import operator

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("wellcalc")

STANDARD_FORMULAS = {
    "kill_mud_weight": "omw + sidpp / (0.052 * tvd)",
    "hydrostatic": "0.052 * mw * tvd",
    "ecd": "mw + apl / (0.052 * tvd)",
    "maasp": "(frac_grad - mw) * 0.052 * shoe_tvd",
}

_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
            ast.Div: operator.truediv, ast.Pow: operator.pow}
_UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_FUNCS = {"sqrt": math.sqrt, "log": math.log}

_saved_formulas = dict(STANDARD_FORMULAS)


def well_context(params: dict) -> dict:
    ctx = {"pi": math.pi}
    for key, value in params.items():
        try:
            ctx[key] = float(value)
        except (TypeError, ValueError):
            abort(400, description=f"parameter {key!r} must be numeric")
    return ctx


def _eval_node(node, ctx):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, ctx)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name):
        if node.id not in ctx:
            raise NameError(node.id)
        return ctx[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, ctx), _eval_node(node.right, ctx))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
        return _UNARY_OPS[type(node.op)](_eval_node(node.operand, ctx))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS and len(node.args) == 1 and not node.keywords):
        return _FUNCS[node.func.id](_eval_node(node.args[0], ctx))
    raise ValueError("unsupported expression element")


def evaluate(expression: str, params: dict) -> float:
    ctx = well_context(params)
    return float(_eval_node(ast.parse(expression, mode="eval"), ctx))


@app.get("/formulas")
def list_formulas():
    return jsonify(_saved_formulas)


@app.post("/formulas/<name>")
def save_formula(name):
    body = request.get_json(force=True)
    expr = str(body.get("expression", "")).strip()
    if not expr or len(expr) > 500:
        abort(400, description="expression required (max 500 chars)")
    try:
        ast.parse(expr, mode="eval")
    except SyntaxError:
        abort(400, description="expression does not parse")
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
    except (ValueError, OverflowError) as exc:
        abort(422, description=str(exc))
    return jsonify(formula=name, result=round(result, 3))
