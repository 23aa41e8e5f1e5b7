"""Telecommand parameter calculator.

Flight dynamics engineers build commanding templates whose arguments are
expressions over the latest spacecraft state, e.g. ``burn_s = dv / (thrust / mass)``.
The preview endpoint resolves a template before it is queued for uplink.
"""
import ast
import json
import logging
import math
import operator

import tornado.ioloop
import tornado.web

log = logging.getLogger("tc_calc")

STATE = {"mass": 412.7, "thrust": 1.1, "battery_soc": 0.86, "wheel_rpm": 2100.0}
SAFE_FUNCS = {"sqrt": math.sqrt, "sin": math.sin, "cos": math.cos,
              "min": min, "max": max, "abs": abs}
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def _eval_node(node, env: dict):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in env and not callable(env[node.id]):
        return env[node.id]
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_eval_node(node.operand, env))
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        left, right = _eval_node(node.left, env), _eval_node(node.right, env)
        if isinstance(node.op, ast.Pow) and abs(right) > 16:
            raise ValueError("exponent too large")
        return _BINOPS[type(node.op)](left, right)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in SAFE_FUNCS and not node.keywords):
        return SAFE_FUNCS[node.func.id](*[_eval_node(a, env) for a in node.args])
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate_expression(expr: str, env: dict) -> float:
    tree = ast.parse(expr, mode="eval")
    return float(_eval_node(tree.body, env))


class CommandTemplate:
    def __init__(self, name: str, args: dict):
        self.name = name
        self.args = args  # argument name -> expression

    def resolve(self, state: dict) -> dict:
        env = dict(SAFE_FUNCS)
        env.update(state)
        resolved = {}
        for arg, expr in self.args.items():
            resolved[arg] = evaluate_expression(str(expr), env)
            env[arg] = resolved[arg]
        return resolved


class PreviewHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            body = json.loads(self.request.body)
            tmpl = CommandTemplate(str(body["command"]), dict(body.get("args", {})))
            overrides = {k: float(v) for k, v in body.get("overrides", {}).items()}
        except (ValueError, KeyError, TypeError):
            raise tornado.web.HTTPError(400)
        state = dict(STATE)
        state.update(overrides)
        try:
            resolved = tmpl.resolve(state)
        except (ArithmeticError, NameError, TypeError, ValueError, SyntaxError) as exc:
            self.set_status(422)
            self.write({"error": str(exc)})
            return
        log.info("previewed %r with %d args", tmpl.name, len(resolved))
        self.write({"command": tmpl.name, "args": resolved})


class StateHandler(tornado.web.RequestHandler):
    def get(self):
        self.write(STATE)


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/tc/preview", PreviewHandler),
        (r"/tc/state", StateHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
