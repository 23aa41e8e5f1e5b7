"""Allocation cost estimator behind the project request form (Tornado)."""
import ast
import json
import logging
import math
import operator

import tornado.ioloop
import tornado.web

log = logging.getLogger("estimator")

RATES = {"cpu_hour": 0.012, "gpu_hour": 0.85, "tb_month": 4.5}
USAGE_KEYS = ("cpu_hours", "gpu_hours", "storage_tb", "months")
DEFAULT_FORMULA = "cpu_hours * cpu_hour + gpu_hours * gpu_hour + storage_tb * tb_month * months"
HELPERS = {"ceil": math.ceil, "floor": math.floor, "max": max, "min": min}
BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def build_scope(usage: dict) -> dict:
    scope = dict(RATES)
    scope.update(usage)
    return scope


def _eval_node(node, scope):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BINOPS:
        return BINOPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, scope)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in HELPERS and not node.keywords:
        return HELPERS[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate(formula: str, usage: dict) -> float:
    scope = build_scope(usage)
    return float(_eval_node(ast.parse(formula, mode="eval").body, scope))


class EstimateHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
            usage = {k: float(body.get(k, 0)) for k in USAGE_KEYS}
        except (ValueError, TypeError):
            raise tornado.web.HTTPError(400, reason="invalid request body")
        formula = body.get("formula") or DEFAULT_FORMULA
        try:
            cost = evaluate(formula, usage)
        except (SyntaxError, ValueError, TypeError, ZeroDivisionError) as exc:
            log.info("formula rejected: %r", exc)
            raise tornado.web.HTTPError(400, reason="formula could not be evaluated")
        self.write({"cost": round(cost, 2), "currency": "EUR", "usage": usage, "formula": formula})


class RatesHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"rates": RATES, "default_formula": DEFAULT_FORMULA})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/api/estimate", EstimateHandler),
            (r"/api/rates", RatesHandler),
        ]
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
