"""Receives variant annotation results posted back by annotation workers."""
import json
import logging
import os
from datetime import datetime, timezone

import tornado.ioloop
import tornado.web

log = logging.getLogger("annotation-callback")

RESULT_ROOT = os.environ.get("ANNOTATION_RESULTS", "/data/annotation_results")


class AnnotationResult:
    def __init__(self, job_id, sample_id, variants=None, tool_version="", warnings=None):
        self.job_id = job_id
        self.sample_id = sample_id
        self.variants = variants or []
        self.tool_version = tool_version
        self.warnings = warnings or []

    def summary(self):
        pathogenic = sum(1 for v in self.variants if v.get("clin_sig") in ("pathogenic", "likely_pathogenic"))
        return {"job_id": self.job_id, "variants": len(self.variants), "pathogenic": pathogenic}


class ResultStore:
    def __init__(self, root):
        self.root = root
        self.received = {}

    def save(self, job_id, payload_text, result):
        path = os.path.join(self.root, f"{job_id}.json")
        with open(path, "w") as fh:
            fh.write(payload_text)
        self.received[job_id] = datetime.now(timezone.utc)


class ResultCallbackHandler(tornado.web.RequestHandler):
    def initialize(self, store):
        self.store = store

    def _decode(self, payload):
        obj = json.loads(payload)
        if not isinstance(obj, dict) or not isinstance(obj.get("variants", []), list):
            raise ValueError("payload is not an AnnotationResult")
        return AnnotationResult(
            job_id=str(obj.get("job_id", "")),
            sample_id=str(obj.get("sample_id", "")),
            variants=[v for v in obj.get("variants", []) if isinstance(v, dict)],
            tool_version=str(obj.get("tool_version", "")),
            warnings=[str(w) for w in obj.get("warnings", [])],
        )

    def post(self, job_id):
        payload = self.request.body.decode("utf-8")
        try:
            result = self._decode(payload)
        except ValueError as exc:
            log.warning("rejected callback for %r: %r", job_id, str(exc))
            raise tornado.web.HTTPError(400)
        if result.job_id != job_id:
            raise tornado.web.HTTPError(409, "job id mismatch")
        self.store.save(job_id, payload, result)
        log.info("stored annotation result for %r", job_id)
        self.write(result.summary())


def make_app():
    store = ResultStore(RESULT_ROOT)
    return tornado.web.Application([
        (r"/annotation/jobs/([0-9a-f]{32})/result", ResultCallbackHandler, {"store": store}),
    ])


if __name__ == "__main__":
    make_app().listen(8895)
    tornado.ioloop.IOLoop.current().start()
