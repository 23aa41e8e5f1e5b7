"""Allocation cost estimator behind the project request form (Tornado)."""
import json
import logging
import math

import tornado.ioloop
import tornado.web

log = logging.getLogger("estimator")

RATES = {"cpu_hour": 0.012, "gpu_hour": 0.85, "tb_month": 4.5}
USAGE_KEYS = ("cpu_hours", "gpu_hours", "storage_tb", "months")
DEFAULT_FORMULA = "cpu_hours * cpu_hour + gpu_hours * gpu_hour + storage_tb * tb_month * months"
HELPERS = {"ceil": math.ceil, "floor": math.floor, "max": max, "min": min}


def build_scope(usage: dict) -> dict:
    scope = dict(RATES)
    scope.update(HELPERS)
    scope.update(usage)
    return scope


def evaluate(formula: str, usage: dict) -> float:
    scope = build_scope(usage)
    return float(eval(formula, {"__builtins__": {}}, scope))  # VULN flow


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
        except (SyntaxError, NameError, TypeError, ZeroDivisionError) as exc:
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
