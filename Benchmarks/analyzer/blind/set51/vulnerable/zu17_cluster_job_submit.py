"""Web front-end for submitting analysis pipelines to the lab's SLURM cluster."""
import json
import logging
import os
from dataclasses import dataclass

import tornado.ioloop
import tornado.web

log = logging.getLogger("submit")

PIPELINES = {
    "align": "/opt/pipelines/align.sbatch",
    "call": "/opt/pipelines/variant_call.sbatch",
    "qc": "/opt/pipelines/qc.sbatch",
}
PARTITIONS = ("short", "long", "gpu")


@dataclass
class JobSpec:
    name: str
    pipeline: str
    partition: str
    input_path: str
    cpus: int = 4

    def sbatch_line(self) -> str:
        script = PIPELINES[self.pipeline]
        return (
            f"sbatch --parsable --job-name={self.name} --partition={self.partition} "
            f"--cpus-per-task={self.cpus} --export=ALL,INPUT={self.input_path} {script}"
        )


def spec_from_body(body: dict) -> JobSpec:
    return JobSpec(
        name=body.get("name", "job"),
        pipeline=body.get("pipeline", ""),
        partition=body.get("partition", "short"),
        input_path=body.get("input", ""),
        cpus=max(1, min(int(body.get("cpus", 4)), 64)),
    )


class SubmitHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
            spec = spec_from_body(body)
        except (ValueError, TypeError):
            raise tornado.web.HTTPError(400, "malformed request")
        if spec.pipeline not in PIPELINES:
            raise tornado.web.HTTPError(400, "unknown pipeline")
        if spec.partition not in PARTITIONS:
            raise tornado.web.HTTPError(400, "unknown partition")

        cmd = spec.sbatch_line()
        with os.popen(cmd) as pipe:  # VULN flow
            job_id = pipe.read().strip()
        if not job_id.isdigit():
            log.error("sbatch returned %r", job_id)
            raise tornado.web.HTTPError(502, "submission failed")
        log.info("submitted %s (%s) as job %s", spec.name, spec.pipeline, job_id)  # VULN flow
        self.set_status(201)
        self.write({"job_id": int(job_id), "name": spec.name})


class PipelinesHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"pipelines": sorted(PIPELINES), "partitions": list(PARTITIONS)})


def make_app():
    return tornado.web.Application([
        (r"/api/jobs", SubmitHandler),
        (r"/api/pipelines", PipelinesHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
