"""Alert rule tester: checks a threshold condition against recent metric samples."""
import asyncio
import hmac
import json
import logging
import operator
import os
import re
import statistics

import tornado.web

from monitoring.metrics import MetricsClient

log = logging.getLogger(__name__)

API_TOKEN = os.environ["ALERTS_API_TOKEN"]
CONDITION_RE = re.compile(r"\s*(avg|max|min|last)\s*(>=|<=|==|>|<)\s*(-?\d{1,12}(?:\.\d{1,6})?)\s*")
OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le, "==": operator.eq}


class ConditionEvaluator:
    def __init__(self, samples):
        self.samples = samples

    def stats(self):
        return {
            "avg": statistics.fmean(self.samples),
            "max": max(self.samples),
            "min": min(self.samples),
            "last": self.samples[-1],
        }

    def check(self, condition):
        match = CONDITION_RE.fullmatch(condition)
        if match is None:
            raise ValueError("unsupported condition")
        stat, op, threshold = match.groups()
        return bool(OPERATORS[op](self.stats()[stat], float(threshold)))


class RuleTestHandler(tornado.web.RequestHandler):
    def initialize(self, metrics):
        self.metrics = metrics

    def prepare(self):
        supplied = self.request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(supplied.encode(), API_TOKEN.encode()):
            raise tornado.web.HTTPError(401)

    async def post(self):
        try:
            body = json.loads(self.request.body)
            metric = str(body["metric"])
            condition = str(body["condition"])
            window = int(body.get("window_minutes", 15))
        except (ValueError, KeyError, TypeError):
            raise tornado.web.HTTPError(400, reason="invalid rule payload")
        samples = await self.metrics.fetch(metric, minutes=max(1, min(window, 1440)))
        if not samples:
            self.write({"metric": metric, "fired": False, "samples": 0})
            return
        try:
            fired = ConditionEvaluator(samples).check(condition)
        except ValueError:
            raise tornado.web.HTTPError(400, reason="unsupported condition")
        log.info("rule test metric=%r fired=%s samples=%d", metric, fired, len(samples))
        self.write({"metric": metric, "fired": fired, "samples": len(samples)})


def make_app(metrics):
    return tornado.web.Application([
        (r"/alerts/test", RuleTestHandler, {"metrics": metrics}),
    ])


async def main():
    app = make_app(MetricsClient.from_env())
    app.listen(8890, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
