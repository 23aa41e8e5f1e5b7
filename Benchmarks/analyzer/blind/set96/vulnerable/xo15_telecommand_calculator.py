"""Telecommand parameter calculator.

Flight dynamics engineers build commanding templates whose arguments are
expressions over the latest spacecraft state, e.g. ``burn_s = dv / (thrust / mass)``.
The preview endpoint resolves a template before it is queued for uplink.
"""
import json
import logging
import math

import tornado.ioloop
import tornado.web

log = logging.getLogger("tc_calc")

STATE = {"mass": 412.7, "thrust": 1.1, "battery_soc": 0.86, "wheel_rpm": 2100.0}
SAFE_FUNCS = {"sqrt": math.sqrt, "sin": math.sin, "cos": math.cos,
              "min": min, "max": max, "abs": abs}


def evaluate_expression(expr: str, env: dict) -> float:
    value = eval(expr, {"__builtins__": {}}, env)  # VULN flow
    return float(value)


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
