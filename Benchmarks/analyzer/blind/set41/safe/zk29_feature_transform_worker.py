"""Feature-engineering worker.

Notebook users submit transform jobs onto the ``features:jobs`` Redis stream;
each job names a source table, an output feature name and the transform to
apply to every row.  Results are written back to the feature store.
"""
import json
import logging
import math
import os
import socket

import pandas as pd
import redis

log = logging.getLogger("feature-worker")

STREAM = "features:jobs"
GROUP = "feature-workers"
CONSUMER = f"{socket.gethostname()}-{os.getpid()}"
WAREHOUSE_DIR = os.environ.get("WAREHOUSE_DIR", "/data/warehouse")

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"))

TRANSFORMS = {
    "log1p": lambda row, column: math.log1p(row[column]),
    "ratio": lambda row, num, den: row[num] / row[den] if row[den] else 0.0,
    "clip": lambda row, column, lo, hi: min(max(row[column], lo), hi),
    "is_null": lambda row, column: int(pd.isna(row[column])),
}


class TransformJob:
    def __init__(self, fields: dict):
        self.job_id = fields[b"job_id"].decode()
        self.table = fields[b"table"].decode()
        self.output = fields[b"output"].decode()
        self.transform_name = fields[b"transform"].decode()
        self.params = json.loads(fields.get(b"params", b"{}"))

    def transform(self):
        fn = TRANSFORMS.get(self.transform_name)
        if fn is None:
            raise ValueError("unknown transform")
        return fn


def load_table(name: str) -> pd.DataFrame:
    if not name.isidentifier():
        raise ValueError("bad table name")
    return pd.read_parquet(os.path.join(WAREHOUSE_DIR, f"{name}.parquet"))


def process(job: TransformJob) -> int:
    df = load_table(job.table)
    fn = job.transform()
    df[job.output] = df.apply(lambda row: fn(row, **job.params), axis=1)
    r.hset(f"features:{job.output}", mapping={str(k): str(v) for k, v in df[job.output].items()})
    return len(df)


def ensure_group():
    try:
        r.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def main():
    ensure_group()
    while True:
        batches = r.xreadgroup(GROUP, CONSUMER, {STREAM: ">"}, count=1, block=5000)
        for _, entries in batches or []:
            for entry_id, fields in entries:
                try:
                    job = TransformJob(fields)
                    rows = process(job)
                    r.xadd("features:results", {"job_id": job.job_id, "status": "ok", "rows": rows})
                except Exception as exc:
                    log.exception("job %r failed", entry_id)
                    r.xadd("features:results", {"entry": entry_id, "status": "error", "error": type(exc).__name__})
                finally:
                    r.xack(STREAM, GROUP, entry_id)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
