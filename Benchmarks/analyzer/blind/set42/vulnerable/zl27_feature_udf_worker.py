"""Feature-store worker that executes user-defined feature transforms.

Data scientists register a transform from their notebook with
``fs.register(fn)``; the client SDK serialises the function and POSTs it
to the feature API, which pushes it onto the ``fs:udf`` Redis list.
"""
import base64
import json
import logging
import os
import time

import dill
import pandas as pd
import redis

log = logging.getLogger("fs.udf_worker")

REDIS_URL = os.environ.get("FS_REDIS_URL", "redis://localhost:6379/2")
QUEUE = "fs:udf"
RESULTS = "fs:udf:results"
FEATURE_ROOT = os.environ.get("FS_FEATURE_ROOT", "/data/features")


class UdfMessage:
    def __init__(self, raw: bytes):
        envelope = json.loads(raw)
        self.request_id = str(envelope["request_id"])
        self.feature_view = str(envelope["feature_view"])
        self.payload = envelope["udf"]

    def load_function(self):
        blob = base64.b64decode(self.payload)
        return dill.loads(blob)  # VULN flow


def load_view(name: str) -> pd.DataFrame:
    if not name.replace("_", "").isalnum():
        raise ValueError("bad feature view name")
    return pd.read_parquet(os.path.join(FEATURE_ROOT, f"{name}.parquet"))


def process(client: redis.Redis, raw: bytes) -> None:
    msg = UdfMessage(raw)
    fn = msg.load_function()
    frame = load_view(msg.feature_view)
    started = time.monotonic()
    result = fn(frame)
    summary = {
        "request_id": msg.request_id,
        "rows": int(len(result)),
        "columns": [str(c) for c in getattr(result, "columns", [])],
        "seconds": round(time.monotonic() - started, 3),
    }
    client.rpush(RESULTS, json.dumps(summary))
    log.info("udf %r on %r finished", msg.request_id, msg.feature_view)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(REDIS_URL)
    while True:
        item = client.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _key, raw = item
        try:
            process(client, raw)
        except Exception:
            log.exception("udf job failed")


if __name__ == "__main__":
    main()
