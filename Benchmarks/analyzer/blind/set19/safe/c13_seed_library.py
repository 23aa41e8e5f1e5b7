"""Seed library: custom germination scoring rules (Falcon)."""
import ast
import json
import logging
import math
import operator
import os

import falcon
import psycopg2
import psycopg2.extras

log = logging.getLogger("seedlib.scoring")

DB_DSN = os.environ["SEEDLIB_DB_DSN"]
METRIC_NAMES = ("sown", "sprouted", "days_to_sprout", "age_years", "viability")
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
FUNCS = {"min": min, "max": max, "sqrt": math.sqrt, "log": math.log}


class ScoringRule:
    def __init__(self, name, expression):
        self.name = name
        self.tree = ast.parse(expression, mode="eval")

    def evaluate(self, metrics):
        return self._eval(self.tree.body, metrics)

    def _eval(self, node, metrics):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in metrics:
            return metrics[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
            return BIN_OPS[type(node.op)](self._eval(node.left, metrics), self._eval(node.right, metrics))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self._eval(node.operand, metrics)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCS and not node.keywords:
            return FUNCS[node.func.id](*(self._eval(a, metrics) for a in node.args))
        raise ValueError("unsupported expression element")


def load_batches(variety_id):
    with psycopg2.connect(DB_DSN) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(
                "SELECT id, sown, sprouted, days_to_sprout, age_years, viability "
                "FROM germination_batches WHERE variety_id = %s ORDER BY tested_on DESC LIMIT 20",
                (variety_id,),
            )
            return cur.fetchall()


class RulePreviewResource:
    def on_post(self, req, resp, variety_id):
        body = req.get_media() or {}
        name = str(body.get("name", "preview"))[:60]
        expression = str(body.get("expression", "")).strip()
        if not expression or len(expression) > 400:
            raise falcon.HTTPBadRequest(title="expression required (max 400 chars)")
        try:
            rule = ScoringRule(name, expression)
        except SyntaxError:
            raise falcon.HTTPBadRequest(title="expression is not valid")
        results = []
        for batch in load_batches(int(variety_id)):
            metrics = {k: float(batch[k] or 0) for k in METRIC_NAMES}
            try:
                score = float(rule.evaluate(metrics))
            except (ArithmeticError, TypeError, ValueError) as exc:
                raise falcon.HTTPBadRequest(title="rule failed", description=type(exc).__name__)
            results.append({"batch": batch["id"], "score": round(score, 3)})
        log.info("previewed rule %r on %d batches", name, len(results))
        resp.media = {"rule": name, "results": results}


class HealthResource:
    def on_get(self, req, resp):
        resp.text = json.dumps({"ok": True})


app = falcon.App()
app.add_route("/varieties/{variety_id:int}/rules/preview", RulePreviewResource())
app.add_route("/healthz", HealthResource())
