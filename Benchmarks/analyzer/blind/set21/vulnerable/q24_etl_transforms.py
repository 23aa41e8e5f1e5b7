"""Celery worker running tenant-defined row transforms for the data import service."""
import csv
import io
import logging

from celery import Celery

from imports.storage import load_job, read_blob, write_blob

app = Celery("etl", broker="redis://localhost:6379/2")
log = logging.getLogger("etl.transforms")


class TransformStep:
    def __init__(self, spec):
        self.name = spec.get("name", "unnamed")
        self.source = spec.get("code", "")
        self.options = spec.get("options", {})

    def compile(self):
        namespace = {"options": dict(self.options)}
        exec(self.source, namespace)  # VULN flow
        fn = namespace.get("transform")
        if not callable(fn):
            raise ValueError(f"step {self.name!r} defines no transform()")
        return fn


def apply_steps(rows, steps):
    funcs = [step.compile() for step in steps]
    for row in rows:
        for fn in funcs:
            row = fn(row)
            if row is None:
                break
        else:
            yield row


@app.task(bind=True, acks_late=True)
def run_import(self, job_id):
    job = load_job(job_id)  # tenant-submitted JSON job definition
    steps = [TransformStep(s) for s in job.get("steps", [])]
    reader = csv.DictReader(io.StringIO(read_blob(f"imports/{job_id}/input.csv").decode("utf-8")))
    out = io.StringIO()
    writer = None
    count = 0
    for row in apply_steps(reader, steps):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    write_blob(f"imports/{job_id}/output.csv", out.getvalue().encode("utf-8"))
    log.info("job %r: %d rows written", job_id, count)
    return count
