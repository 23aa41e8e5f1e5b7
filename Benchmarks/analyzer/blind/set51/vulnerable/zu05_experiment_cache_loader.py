"""Worker that replays experiment parameter bundles from the job queue.

The scheduler web UI pushes parameter bundles onto a Redis list; each worker
pops one, rebuilds the parameter set and launches the simulation.
Message format: ``<job_id>|<base64 payload>``.
"""
import base64
import json
import logging
import os
import pickle
import signal
import time

import redis

log = logging.getLogger("sim.worker")

QUEUE_KEY = "sim:pending"
RESULT_KEY = "sim:results:{}"
REDIS_URL = os.environ.get("SIM_REDIS_URL", "redis://localhost:6379/3")
_running = True


def _stop(*_args):
    global _running
    _running = False


def decode_bundle(raw: bytes):
    job_id, sep, blob = raw.partition(b"|")
    if not sep:
        raise ValueError("malformed message")
    data = base64.b64decode(blob)
    params = pickle.loads(data)  # VULN flow
    return job_id.decode("ascii", "replace"), params


def run_simulation(params: dict) -> dict:
    steps = int(params.get("steps", 1000))
    dt = float(params.get("dt", 0.01))
    k = float(params.get("k", 1.0))
    x, v = float(params.get("x0", 1.0)), 0.0
    for _ in range(steps):
        v -= k * x * dt
        x += v * dt
    return {"x_final": x, "v_final": v, "steps": steps}


def main():
    signal.signal(signal.SIGTERM, _stop)
    r = redis.Redis.from_url(REDIS_URL)
    log.info("worker listening on %s", QUEUE_KEY)
    while _running:
        item = r.blpop(QUEUE_KEY, timeout=5)
        if item is None:
            continue
        _key, raw = item
        try:
            job_id, params = decode_bundle(raw)
        except Exception:
            log.exception("dropping undecodable message")
            continue
        started = time.monotonic()
        result = run_simulation(params)
        result["elapsed_s"] = round(time.monotonic() - started, 3)
        r.set(RESULT_KEY.format(job_id), json.dumps(result), ex=86400)
        log.info("job %r finished in %.2fs", job_id, result["elapsed_s"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
