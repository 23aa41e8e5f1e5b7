"""Tornado app that ranks pistes for the night grooming crew.

Mountain ops managers can tune the priority score with a small formula,
e.g. ``new_snow_cm * 2 + skier_visits / 500 - hours_since_groomed``.
"""
import ast
import json
import logging
import operator

import tornado.ioloop
import tornado.web

log = logging.getLogger("grooming.priority")

DEFAULT_FORMULA = "new_snow_cm * 2 + skier_visits / 500 + hours_since_groomed"

PISTES = [
    {"piste": "Gondola Run", "new_snow_cm": 12, "skier_visits": 4200, "hours_since_groomed": 20, "pitch_deg": 18},
    {"piste": "Black Fox", "new_snow_cm": 12, "skier_visits": 900, "hours_since_groomed": 44, "pitch_deg": 31},
    {"piste": "Meadow", "new_snow_cm": 8, "skier_visits": 2600, "hours_since_groomed": 22, "pitch_deg": 9},
]

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_UNOPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def _evaluate(node, variables: dict) -> float:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, variables)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in variables:
        return variables[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_evaluate(node.left, variables), _evaluate(node.right, variables))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNOPS:
        return _UNOPS[type(node.op)](_evaluate(node.operand, variables))
    raise ValueError("unsupported expression element")


class FormulaScorer:
    def __init__(self, formula: str = DEFAULT_FORMULA):
        self.formula = formula
        self.tree = ast.parse(formula, mode="eval")

    def score(self, piste: dict) -> float:
        variables = {k: v for k, v in piste.items() if isinstance(v, (int, float))}
        return float(_evaluate(self.tree, variables))

    def rank(self, pistes: list) -> list:
        ranked = []
        for p in pistes:
            ranked.append({"piste": p["piste"], "score": round(self.score(p), 2)})
        return sorted(ranked, key=lambda r: r["score"], reverse=True)


class PriorityHandler(tornado.web.RequestHandler):
    def initialize(self, settings_store: dict):
        self.settings_store = settings_store

    def get(self):
        scorer = FormulaScorer(self.settings_store.get("formula", DEFAULT_FORMULA))
        self.write({"formula": scorer.formula, "ranking": scorer.rank(PISTES)})

    def post(self):
        body = json.loads(self.request.body or b"{}")
        formula = body.get("formula", "").strip()
        if not formula or len(formula) > 200:
            raise tornado.web.HTTPError(400, "formula required")
        try:
            scorer = FormulaScorer(formula)
            preview = scorer.rank(PISTES)
        except (SyntaxError, ValueError, ZeroDivisionError) as exc:
            raise tornado.web.HTTPError(400, f"formula error: {exc}")
        self.settings_store["formula"] = formula
        log.info("grooming formula updated")
        self.write({"formula": formula, "ranking": preview})


def make_app() -> tornado.web.Application:
    store = {"formula": DEFAULT_FORMULA}
    return tornado.web.Application([
        (r"/grooming/priority", PriorityHandler, {"settings_store": store}),
    ])


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
