"""Celery worker running tenant-defined row transforms for the data import service."""
import csv
import io
import logging

from celery import Celery

from imports.storage import load_job, read_blob, write_blob

app = Celery("etl", broker="redis://localhost:6379/2")
log = logging.getLogger("etl.transforms")


def _strip(row, options):
    return {k: v.strip() if isinstance(v, str) else v for k, v in row.items()}


def _rename(row, options):
    mapping = options.get("mapping", {})
    return {mapping.get(k, k): v for k, v in row.items()}


def _drop_empty(row, options):
    column = options.get("column")
    return None if column and not row.get(column) else row


def _uppercase(row, options):
    cols = set(options.get("columns", []))
    return {k: v.upper() if k in cols and isinstance(v, str) else v for k, v in row.items()}


BUILTIN_TRANSFORMS = {"strip": _strip, "rename": _rename, "drop_empty": _drop_empty, "uppercase": _uppercase}


class TransformStep:
    def __init__(self, spec):
        self.name = spec.get("name", "unnamed")
        self.kind = spec.get("kind", "")
        self.options = spec.get("options", {})

    def compile(self):
        impl = BUILTIN_TRANSFORMS.get(self.kind)
        if impl is None:
            raise ValueError(f"step {self.name!r} uses unknown transform {self.kind!r}")
        options = dict(self.options)
        return lambda row: impl(row, options)


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
