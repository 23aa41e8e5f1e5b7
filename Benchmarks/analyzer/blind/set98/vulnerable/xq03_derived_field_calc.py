"""Derived-field calculator for station observations.

Forecasters post an expression such as ``temp_c - (100 - rh) / 5`` together
with a batch of observations and get the derived value for every row back.
"""
import logging
import math

import falcon

log = logging.getLogger("wx.derive")

SAFE_NAMES = {
    "sqrt": math.sqrt,
    "exp": math.exp,
    "log": math.log,
    "min": min,
    "max": max,
    "abs": abs,
}
MAX_ROWS = 5000
MAX_EXPR_LEN = 200


class Expression:
    def __init__(self, source: str):
        self.source = source.strip()

    def evaluate(self, row: dict) -> float:
        scope = dict(SAFE_NAMES)
        scope.update({k: float(v) for k, v in row.items() if v is not None})
        return eval(self.source, {"__builtins__": {}}, scope)  # VULN flow


class DeriveResource:
    def on_post(self, req, resp):
        body = req.get_media() or {}
        expr_text = str(body.get("expression", ""))
        rows = body.get("observations") or []
        if not expr_text or len(expr_text) > MAX_EXPR_LEN:
            raise falcon.HTTPBadRequest(title="invalid expression")
        if len(rows) > MAX_ROWS:
            raise falcon.HTTPBadRequest(title="too many observations")

        expr = Expression(expr_text)
        results = []
        failures = 0
        for row in rows:
            try:
                results.append(round(float(expr.evaluate(row)), 3))
            except (ZeroDivisionError, ValueError, TypeError, NameError, OverflowError):
                failures += 1
                results.append(None)

        if failures:
            log.info("derive: %d/%d rows failed", failures, len(rows))
        resp.media = {"expression": expr.source, "values": results}


class FunctionsResource:
    def on_get(self, req, resp):
        resp.media = {"functions": sorted(SAFE_NAMES)}


app = falcon.App()
app.add_route("/v1/derive", DeriveResource())
app.add_route("/v1/derive/functions", FunctionsResource())
