"""Async batch prediction API: results are POSTed to the caller's callback URL."""
import json
import logging
import uuid

import requests
import tornado.ioloop
import tornado.web

log = logging.getLogger("batchpredict")

TENANTS = {
    "k-7f3a": {"name": "growth-team"},
    "k-19bc": {"name": "risk-analytics"},
}


class LinearModel:
    coef = {"tenure": -0.04, "tickets": 0.31, "spend": -0.002}
    intercept = 0.15

    def predict(self, rows):
        return [self.intercept + sum(self.coef[k] * float(r.get(k, 0)) for k in self.coef) for r in rows]


MODEL = LinearModel()


class CallbackJob:
    def __init__(self, url: str, tenant: str, payload: dict):
        self.url = url
        self.tenant = tenant
        self.payload = payload

    def deliver(self) -> int:
        resp = requests.post(self.url, json=self.payload, timeout=10)  # VULN flow
        log.info("callback for %s answered %d", self.payload["batch_id"], resp.status_code)
        return resp.status_code


class BatchPredictHandler(tornado.web.RequestHandler):
    def prepare(self):
        key = self.request.headers.get("X-Api-Key", "")
        if key not in TENANTS:
            raise tornado.web.HTTPError(401)
        self.tenant_key = key

    async def post(self):
        try:
            body = json.loads(self.request.body)
            rows = body["instances"]
            callback_url = body["callback_url"]
        except (ValueError, KeyError):
            raise tornado.web.HTTPError(400, "instances and callback_url are required")

        batch_id = uuid.uuid4().hex
        preds = MODEL.predict(rows)
        job = CallbackJob(callback_url, self.tenant_key, {"batch_id": batch_id, "predictions": preds})
        tornado.ioloop.IOLoop.current().run_in_executor(None, job.deliver)

        self.set_status(202)
        self.write({"batch_id": batch_id, "count": len(preds)})


def make_app():
    return tornado.web.Application([(r"/v1/batch-predict", BatchPredictHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
