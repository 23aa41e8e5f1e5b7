"""Seed library: custom germination scoring rules (Falcon)."""
import json
import logging
import math

import falcon
import psycopg2
import psycopg2.extras

log = logging.getLogger("seedlib.scoring")

DB_DSN = "dbname=seedlib user=seedlib_app password=Sprout-2023-garden host=db.internal"  # VULN
METRIC_NAMES = ("sown", "sprouted", "days_to_sprout", "age_years", "viability")


class ScoringRule:
    def __init__(self, name, expression):
        self.name = name
        self.expression = expression

    def evaluate(self, metrics):
        scope = {"__builtins__": {}, "math": math}
        scope.update(metrics)
        return eval(self.expression, scope)  # VULN flow


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
        rule = ScoringRule(name, expression)
        results = []
        for batch in load_batches(int(variety_id)):
            metrics = {k: float(batch[k] or 0) for k in METRIC_NAMES}
            try:
                score = float(rule.evaluate(metrics))
            except (ArithmeticError, TypeError, ValueError, NameError) as exc:
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
