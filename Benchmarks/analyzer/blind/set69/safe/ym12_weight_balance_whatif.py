"""Weight & balance what-if calculator for the load control office.

Load controllers can supply a custom limit expression (e.g. a temporary
MAC restriction from an MEL item) that is checked against the computed
values ``tow``, ``zfw``, ``mac`` and ``fuel``.
"""
import ast
import json
import math
import operator

from bottle import Bottle, HTTPError, request, response

app = Bottle()

AIRCRAFT = {
    "A320": {"oew": 42600.0, "oew_index": 50.2, "mtow": 78000.0, "mzfw": 62500.0,
             "lemac": 17.869, "mac_len": 4.193},
    "B738": {"oew": 41413.0, "oew_index": 45.0, "mtow": 79015.0, "mzfw": 62732.0,
             "lemac": 16.576, "mac_len": 3.962},
}
MATH_HELPERS = {"sqrt": math.sqrt, "min": min, "max": max, "abs": abs}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv}
CMP_OPS = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
           ast.GtE: operator.ge, ast.Eq: operator.eq}


def compute(profile, loads, fuel):
    total = profile["oew"]
    moment = profile["oew"] * (profile["lemac"] + profile["oew_index"] / 100 * profile["mac_len"])
    for item in loads:
        total += float(item["mass"])
        moment += float(item["mass"]) * float(item["arm"])
    zfw = total
    tow = zfw + fuel
    cg = moment / zfw
    mac = (cg - profile["lemac"]) / profile["mac_len"] * 100
    return {"zfw": round(zfw, 1), "tow": round(tow, 1), "mac": round(mac, 2), "fuel": fuel}


def _eval_node(node, variables):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, variables)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in variables:
        return variables[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval_node(node.left, variables), _eval_node(node.right, variables))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, variables)
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, variables) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in CMP_OPS:
        return CMP_OPS[type(node.ops[0])](_eval_node(node.left, variables),
                                          _eval_node(node.comparators[0], variables))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in MATH_HELPERS and not node.keywords):
        return MATH_HELPERS[node.func.id](*[_eval_node(a, variables) for a in node.args])
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


def evaluate_limit(expr, variables):
    if len(expr) > 200:
        raise ValueError("expression too long")
    return bool(_eval_node(ast.parse(expr, mode="eval"), variables))


@app.post("/wb/whatif")
def whatif():
    try:
        body = json.loads(request.body.read() or b"{}")
    except ValueError:
        raise HTTPError(400, "invalid JSON")
    profile = AIRCRAFT.get(str(body.get("type", "")).upper())
    if profile is None:
        raise HTTPError(404, "unknown aircraft type")
    result = compute(profile, body.get("loads", []), float(body.get("fuel", 0)))
    result["within_mtow"] = result["tow"] <= profile["mtow"]
    result["within_mzfw"] = result["zfw"] <= profile["mzfw"]
    limit_expr = body.get("limit_expr")
    if limit_expr:
        try:
            result["custom_limit_ok"] = evaluate_limit(str(limit_expr), result)
        except (ValueError, SyntaxError, ZeroDivisionError) as exc:
            raise HTTPError(400, "bad limit expression: %s" % exc)
    response.content_type = "application/json"
    return json.dumps(result)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
