"""Collect autograder results pushed by the sandbox runners.

Each runner container finishes a submission and pushes its result onto the
``grader:results`` list; this worker stores the scores and notifies the
learner-facing API.
"""
import logging
import os
import pickle
import signal
import sqlite3
import time

import redis

log = logging.getLogger("grader.collector")

RESULTS_QUEUE = "grader:results"
DEAD_LETTER = "grader:results:dead"
DB_PATH = os.environ.get("GRADER_DB", "/var/lib/grader/results.db")

_running = True


def _stop(signum, frame):
    global _running
    _running = False


class ResultRecord:
    def __init__(self, payload: dict):
        self.submission_id = int(payload["submission_id"])
        self.runner = str(payload.get("runner", "unknown"))
        self.score = float(payload["score"])
        self.max_score = float(payload.get("max_score", 100))
        self.feedback = str(payload.get("feedback", ""))[:10000]


def decode_result(raw: bytes) -> ResultRecord:
    payload = pickle.loads(raw)  # VULN flow
    return ResultRecord(payload)


def store(conn: sqlite3.Connection, rec: ResultRecord) -> None:
    with conn:
        conn.execute(
            "UPDATE submissions SET score = ?, max_score = ?, feedback = ?, graded_at = ?, runner = ? "
            "WHERE id = ?",
            (rec.score, rec.max_score, rec.feedback, int(time.time()), rec.runner, rec.submission_id),
        )


def run(client: redis.Redis) -> None:
    conn = sqlite3.connect(DB_PATH)
    while _running:
        item = client.blpop(RESULTS_QUEUE, timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            rec = decode_result(raw)
        except Exception:
            log.exception("undecodable result, moving to dead letter")
            client.rpush(DEAD_LETTER, raw)
            continue
        store(conn, rec)
        client.publish("learner:notifications", f"graded:{rec.submission_id}")
        log.info("stored result for submission %d (%.1f/%.1f)", rec.submission_id, rec.score, rec.max_score)
    conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    run(redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://grader-redis:6379/0"), socket_timeout=10))
