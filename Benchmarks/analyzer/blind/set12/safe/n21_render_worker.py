#!/usr/bin/env python3
"""Background worker that pulls PDF render jobs off a shared Redis list.

Jobs are pushed by the public web tier and by partner integrations.
"""
import json
import logging
import os
import re
import signal
import time

import redis

log = logging.getLogger("render-worker")

QUEUE_KEY = "render:jobs"
RESULT_TTL = 3600
OUTPUT_DIR = os.environ.get("RENDER_OUTPUT_DIR", "/srv/render/output")
OUTPUT_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.pdf$")
running = True


def stop(signum, _frame):
    global running
    log.info("received signal %s, finishing current job", signum)
    running = False


def connect():
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))


def decode_job(raw):
    job = json.loads(raw)
    if not isinstance(job, dict) or "job_id" not in job:
        raise ValueError("job is missing job_id")
    return job


def render(job):
    pages = int(job.get("pages", 1))
    template = str(job.get("template", "invoice"))
    started = time.monotonic()
    # the heavy lifting happens in the renderer sidecar; simulate the wait here
    time.sleep(min(pages, 50) * 0.01)
    output = write_output(job, b"%PDF-1.7\n")
    return {
        "output": output,
        "job_id": job["job_id"],
        "template": template,
        "pages": pages,
        "elapsed_ms": int((time.monotonic() - started) * 1000),
    }


def write_output(job, payload):
    filename = job.get("output") or f"{job['job_id']}.pdf"
    if not isinstance(filename, str) or not OUTPUT_NAME_RE.match(filename):
        raise ValueError("invalid output file name")
    out_path = os.path.join(OUTPUT_DIR, filename)
    with open(out_path, "wb") as fh:
        fh.write(payload)
    return out_path


def publish_result(conn, result):
    key = f"render:result:{result['job_id']}"
    conn.hset(key, mapping={k: str(v) for k, v in result.items()})
    conn.expire(key, RESULT_TTL)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    conn = connect()
    while running:
        item = conn.blpop(QUEUE_KEY, timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            job = decode_job(raw)
        except (ValueError, TypeError) as exc:
            log.warning("discarding malformed job: %s", exc)
            continue
        try:
            publish_result(conn, render(job))
        except (ValueError, redis.RedisError) as exc:
            log.error("job %r failed: %s", job.get("job_id"), exc)
    log.info("worker stopped")


if __name__ == "__main__":
    main()
