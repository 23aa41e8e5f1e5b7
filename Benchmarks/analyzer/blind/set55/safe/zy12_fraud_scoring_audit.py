"""Tornado front-end for the fraud model; every scored request lands in the audit log."""
import json
import logging
import math
import time

import tornado.ioloop
import tornado.web

audit = logging.getLogger("fraud.audit")
log = logging.getLogger("fraud.server")


class Scorer:
    WEIGHTS = {"amount": 0.0009, "velocity_1h": 0.42, "new_device": 1.3, "geo_mismatch": 0.9}
    BIAS = -3.2

    def __init__(self, threshold: float = 0.8):
        self.threshold = threshold

    def score(self, features: dict) -> float:
        z = self.BIAS
        for name, weight in self.WEIGHTS.items():
            z += weight * float(features.get(name, 0.0))
        return 1.0 / (1.0 + math.exp(-z))


SCORER = Scorer()


class PredictHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.caller = self.request.headers.get("X-Client-Id", "anonymous")
        self.started = time.monotonic()

    def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "body must be JSON")

        txn_id = str(body.get("transaction_id", ""))
        try:
            score = SCORER.score(body.get("features", {}))
        except (TypeError, ValueError):
            raise tornado.web.HTTPError(422, "features must be numeric")
        decision = "block" if score >= SCORER.threshold else "allow"

        entry = "caller=%r txn=%r score=%.3f decision=%s"
        audit.info(entry, self.caller, txn_id, score, decision)

        elapsed_ms = (time.monotonic() - self.started) * 1000
        self.write({"transaction_id": txn_id, "score": round(score, 4),
                    "decision": decision, "latency_ms": round(elapsed_ms, 2)})


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"status": "ok"})


def make_app():
    return tornado.web.Application([
        (r"/v1/score", PredictHandler),
        (r"/healthz", HealthHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    make_app().listen(8888, address="127.0.0.1")
    log.info("fraud scorer listening on 127.0.0.1:8888")
    tornado.ioloop.IOLoop.current().start()
